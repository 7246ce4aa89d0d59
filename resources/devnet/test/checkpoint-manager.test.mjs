// CheckpointManager.submit: real BN254 aggregate signatures, quorum, check order and Edge's quirks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAnvil } from '../testkit/anvil.mjs';
import { keccakText } from '../testkit/abi.mjs';
import { makeValidators, validatorTuples, validatorSetHash, signedCheckpoint } from '../testkit/bridge.mjs';
import { DOMAIN_STATE_RECEIVER } from '../testkit/bls.mjs';

const CHILD_CHAIN_ID = 100n;
let chain;
let from;
let bls;
let g2;

before(async () => {
  chain = await startAnvil();
  [from] = await chain.accounts();
  bls = await chain.deploy('BLS');
  g2 = await chain.deploy('BN256G2');
});

after(async () => {
  await chain?.stop();
});

async function freshManager(vals) {
  const cm = await chain.deploy('CheckpointManager');
  await cm.sendOk('initialize', [bls.address, g2.address, CHILD_CHAIN_ID, validatorTuples(vals)], from);
  return cm;
}

const root = (s) => keccakText(s);

test('initialize stores the validator set and its hash', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  assert.equal(await cm.read1('currentValidatorSetHash'), validatorSetHash(vals));
  assert.equal(await cm.read1('currentValidatorSetLength'), 4n);
  assert.equal(await cm.read1('totalVotingPower'), 400n);
  assert.equal(await cm.read1('chainId'), CHILD_CHAIN_ID);
  assert.equal(await cm.read1('DOMAIN'), keccakText('DOMAIN_CHECKPOINT_MANAGER'));
  assert.deepEqual(await cm.read1('currentValidatorBlsKey', [2]), vals[2].blsKey);
  assert.equal(await cm.revertReason('initialize', [bls.address, g2.address, 1, validatorTuples(vals)], from),
    'Initializable: contract is already initialized');
});

test('a checkpoint signed by 4 of 4 validators is stored (gas reported)', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const args = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 10, eventRoot: root('e1') }, [0, 1, 2, 3]);
  const r = await cm.sendOk('submit', args, from);
  console.log(`# gas CheckpointManager.submit (4 validators, 4 signers): ${r.gasUsedN}`);
  assert.deepEqual(await cm.read('checkpoints', [1]), [1n, 10n, root('e1')]);
  assert.equal(await cm.read1('currentEpoch'), 1n);
  assert.equal(await cm.read1('currentCheckpointBlockNumber'), 10n);
  assert.equal(await cm.read1('checkpointBlockNumbers', [0]), 10n);
  assert.equal(r.logs.length, 0, 'submit emits no event');
  for (const b of [0, 1, 5, 10]) assert.equal(await cm.read1('getEventRootByBlock', [b]), root('e1'));
  assert.equal(await cm.read1('getEventRootByBlock', [11]), '0x' + '00'.repeat(32));
  assert.deepEqual(await cm.read('getCheckpointBlock', [7]), [true, 10n]);
  assert.deepEqual(await cm.read('getCheckpointBlock', [11]), [false, 0n]);

  // 3 of 4 (300 > floor(800/3) = 266) is a quorum
  const args2 = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 2, blockNumber: 20, eventRoot: root('e2') }, [0, 2, 3]);
  const r2 = await cm.sendOk('submit', args2, from);
  console.log(`# gas CheckpointManager.submit (4 validators, 3 signers): ${r2.gasUsedN}`);
  assert.equal(await cm.read1('getEventRootByBlock', [11]), root('e2'));
  assert.equal(await cm.read1('getEventRootByBlock', [10]), root('e1'));
});

test('quorum is signed power > floor(2*total/3)', async () => {
  // total 300: floor(600/3) = 200; 200 fails, 201 passes
  const vals = makeValidators(3, [100, 100, 100]);
  const cm = await freshManager(vals);
  const low = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 5, eventRoot: root('x') }, [0, 1]);
  assert.equal(await cm.revertReason('submit', low, from), 'INSUFFICIENT_VOTING_POWER');

  const vals2 = makeValidators(3, [100, 100, 101]); // total 301: floor(602/3) = 200
  const cm2 = await freshManager(vals2);
  const ok = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals2, { epoch: 1, blockNumber: 5, eventRoot: root('x') }, [0, 2]);
  await cm2.sendOk('submit', ok, from); // 201 > 200
  const vals3 = makeValidators(4); // 2 of 4: 200 > 266 fails
  const cm3 = await freshManager(vals3);
  const half = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals3, { epoch: 1, blockNumber: 5, eventRoot: root('x') }, [1, 3]);
  assert.equal(await cm3.revertReason('submit', half, from), 'INSUFFICIENT_VOTING_POWER');
});

test('signature checks: wrong domain, wrong signers, tampered checkpoint', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const cp = { epoch: 1, blockNumber: 10, eventRoot: root('e') };
  const wrongDomain = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, cp, [0, 1, 2, 3], { domain: DOMAIN_STATE_RECEIVER });
  assert.equal(await cm.revertReason('submit', wrongDomain, from), 'SIGNATURE_VERIFICATION_FAILED');
  const args = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, cp, [0, 1, 2]);
  const wrongBitmap = [...args.slice(0, 4), '0x0e']; // claims validators 1,2,3
  assert.equal(await cm.revertReason('submit', wrongBitmap, from), 'SIGNATURE_VERIFICATION_FAILED');
  const tampered = [args[0], [1, 10, root('other')], ...args.slice(2)];
  assert.equal(await cm.revertReason('submit', tampered, from), 'SIGNATURE_VERIFICATION_FAILED');
  const otherChain = await signedCheckpoint(bls, CHILD_CHAIN_ID + 1n, vals, cp, [0, 1, 2, 3]);
  assert.equal(await cm.revertReason('submit', otherChain, from), 'SIGNATURE_VERIFICATION_FAILED');
  await cm.sendOk('submit', args, from);
});

test('check order: INVALID_VALIDATOR_SET_HASH, BITMAP_IS_EMPTY, INSUFFICIENT_VOTING_POWER, SIGNATURE_VERIFICATION_FAILED, INVALID_EPOCH, EMPTY_CHECKPOINT', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 10, eventRoot: root('a') }, [0, 1, 2, 3]), from);

  // everything wrong at once: bad hash wins
  const bad = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 5, blockNumber: 3, eventRoot: root('b') }, [0],
    { currentValidatorSetHash: root('nope'), bitmapHex: '0x00', domain: DOMAIN_STATE_RECEIVER });
  assert.equal(await cm.revertReason('submit', bad, from), 'INVALID_VALIDATOR_SET_HASH');
  // then empty bitmap (also when only bits beyond the set are on)
  const empty = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 5, blockNumber: 3, eventRoot: root('b') }, [0],
    { bitmapHex: '0xf0', domain: DOMAIN_STATE_RECEIVER });
  assert.equal(await cm.revertReason('submit', empty, from), 'BITMAP_IS_EMPTY');
  assert.equal(await cm.revertReason('submit', [...empty.slice(0, 4), '0x'], from), 'BITMAP_IS_EMPTY');
  // then quorum
  const low = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 5, blockNumber: 3, eventRoot: root('b') }, [0],
    { domain: DOMAIN_STATE_RECEIVER });
  assert.equal(await cm.revertReason('submit', low, from), 'INSUFFICIENT_VOTING_POWER');
  // then signature
  const badSig = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 5, blockNumber: 3, eventRoot: root('b') }, [0, 1, 2, 3],
    { domain: DOMAIN_STATE_RECEIVER });
  assert.equal(await cm.revertReason('submit', badSig, from), 'SIGNATURE_VERIFICATION_FAILED');
  // then epoch
  const badEpoch = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 5, blockNumber: 3, eventRoot: root('b') }, [0, 1, 2, 3]);
  assert.equal(await cm.revertReason('submit', badEpoch, from), 'INVALID_EPOCH');
  // then block number
  for (const [epoch, blockNumber] of [[2, 10], [1, 9], [2, 3]]) {
    const stale = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch, blockNumber, eventRoot: root('b') }, [0, 1, 2, 3]);
    assert.equal(await cm.revertReason('submit', stale, from), 'EMPTY_CHECKPOINT');
  }
});

test('bitmap bits at or above the validator count are ignored', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const args = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 10, eventRoot: root('a') }, [0, 1, 2],
    { bitmapHex: '0xf7ff' });
  await cm.sendOk('submit', args, from);
});

test('first checkpoint with epoch 0 reverts with arithmetic panic 0x11', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const args = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 0, blockNumber: 10, eventRoot: root('a') }, [0, 1, 2, 3]);
  assert.equal(await cm.revertReason('submit', args, from), 'panic 0x11');
});

test('a later checkpoint in the same epoch overwrites the root and the last block number', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const all = [0, 1, 2, 3];
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 10, eventRoot: root('a') }, all), from);
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 2, blockNumber: 15, eventRoot: root('b') }, all), from);
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 2, blockNumber: 18, eventRoot: root('c') }, all), from);
  assert.equal(await cm.read1('checkpointBlockNumbersLength'), 2n);
  assert.equal(await cm.read1('checkpointBlockNumbers', [1]), 18n);
  assert.deepEqual(await cm.read('checkpoints', [2]), [2n, 18n, root('c')]);
  assert.equal(await cm.read1('currentEpoch'), 2n);
  assert.equal(await cm.read1('getEventRootByBlock', [12]), root('c'));
  assert.equal(await cm.read1('getEventRootByBlock', [18]), root('c'));
  assert.equal(await cm.read1('getEventRootByBlock', [10]), root('a'));
});

test('every submission replaces the validator set; zero voting power is rejected', async () => {
  const vals = makeValidators(4);
  const cm = await freshManager(vals);
  const next = makeValidators(5, [10, 20, 30, 40, 50]);
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 1, blockNumber: 10, eventRoot: root('a') }, [0, 1, 2, 3], { newVals: next }), from);
  assert.equal(await cm.read1('currentValidatorSetHash'), validatorSetHash(next));
  assert.equal(await cm.read1('totalVotingPower'), 150n);
  // the old set can no longer sign
  const old = await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch: 2, blockNumber: 20, eventRoot: root('b') }, [0, 1, 2, 3]);
  assert.equal(await cm.revertReason('submit', old, from), 'INVALID_VALIDATOR_SET_HASH');
  // the new set: validators 2,3,4 have 120 > floor(300/3)=100
  const zero = makeValidators(2, [5, 0]);
  const withZero = await signedCheckpoint(bls, CHILD_CHAIN_ID, next, { epoch: 2, blockNumber: 20, eventRoot: root('b') }, [2, 3, 4], { newVals: zero });
  assert.equal(await cm.revertReason('submit', withZero, from), 'VOTING_POWER_ZERO');
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, next, { epoch: 2, blockNumber: 20, eventRoot: root('b') }, [2, 3, 4]), from);
});
