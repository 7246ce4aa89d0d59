// Builders for checkpoints and commitments signed by simulated validators.
import { encode, keccak } from './abi.mjs';
import { newKey, sign, bitmap, sigBytes, DOMAIN_CHECKPOINT_MANAGER, DOMAIN_STATE_RECEIVER } from './bls.mjs';

const VALIDATOR_TUPLE = {
  type: 'tuple[]',
  components: [
    { name: '_address', type: 'address' },
    { name: 'blsKey', type: 'uint256[4]' },
    { name: 'votingPower', type: 'uint256' },
  ],
};
const STATE_SYNC = {
  type: 'tuple',
  components: [
    { name: 'id', type: 'uint256' },
    { name: 'sender', type: 'address' },
    { name: 'receiver', type: 'address' },
    { name: 'data', type: 'bytes' },
  ],
};

/** n simulated validators with keys and voting powers */
export function makeValidators(n, powers) {
  return Array.from({ length: n }, (_, i) => {
    const key = newKey();
    const address = '0x' + (0xa000 + i).toString(16).padStart(40, '0');
    return { ...key, address, votingPower: BigInt(powers ? powers[i] : 100) };
  });
}

export const validatorTuples = (vals) => vals.map((v) => [v.address, v.blsKey, v.votingPower]);
export const validatorSetHash = (vals) => keccak(encode([VALIDATOR_TUPLE], [validatorTuples(vals)]));

/** the 32 bytes CheckpointManager hashes to G1 */
export function checkpointMessage(chainId, meta, cp, newVals) {
  return keccak(
    encode(
      ['uint256', 'uint256', 'bytes32', 'uint256', 'uint256', 'bytes32', 'bytes32', 'bytes32'],
      [chainId, cp.blockNumber, meta.blockHash, meta.blockRound, cp.epoch, cp.eventRoot, meta.currentValidatorSetHash,
        keccak(encode([VALIDATOR_TUPLE], [validatorTuples(newVals)]))]
    )
  );
}

/**
 * submit() arguments for checkpoint cp signed by `signers` (indexes into current set `vals`).
 * opts: domain, newVals, bitmapHex, metaOverride
 */
export async function signedCheckpoint(bls, chainId, vals, cp, signers, opts = {}) {
  const newVals = opts.newVals ?? vals;
  const meta = {
    blockHash: opts.blockHash ?? keccak(encode(['uint256'], [cp.blockNumber])),
    blockRound: opts.blockRound ?? 0n,
    currentValidatorSetHash: opts.currentValidatorSetHash ?? validatorSetHash(vals),
  };
  const msg = checkpointMessage(chainId, meta, cp, newVals);
  const h = await bls.read1('hashToPoint', [opts.domain ?? DOMAIN_CHECKPOINT_MANAGER, msg]);
  const sig = sign(signers.map((i) => vals[i]), h);
  return [
    [meta.blockHash, meta.blockRound, meta.currentValidatorSetHash],
    [cp.epoch, cp.blockNumber, cp.eventRoot],
    sig,
    validatorTuples(newVals),
    opts.bitmapHex ?? bitmap(signers),
  ];
}

export const stateSyncLeaf = (s) => keccak(encode([STATE_SYNC], [[s.id, s.sender, s.receiver, s.data]]));
export const exitLeafBytes = (e) => encode(['uint256', 'address', 'address', 'bytes'], [e.id, e.sender, e.receiver, e.data]);
export const stateSyncTuple = (s) => [s.id, s.sender, s.receiver, s.data];

/** commit() arguments for commitment c signed by `signers` (indexes into vals) */
export async function signedCommitment(bls, vals, c, signers, opts = {}) {
  const msg = keccak(encode(['uint256', 'uint256', 'bytes32'], [c.startId, c.endId, c.root]));
  const h = await bls.read1('hashToPoint', [opts.domain ?? DOMAIN_STATE_RECEIVER, msg]);
  const sig = sign(signers.map((i) => vals[i]), h);
  const keys = (opts.keyIndexes ?? signers).map((i) => vals[i].pubBytes);
  const blsData = encode(['bytes[]', 'bytes'], [keys, bitmap(signers)]);
  return [[c.startId, c.endId, c.root], sigBytes(sig), blsData];
}
