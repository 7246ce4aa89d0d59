// StateReceiver (0x…1001) with the BLS aggregate-check stand-in at 0x…2030: commits signed by real
// BN254 aggregate signatures, Merkle proofs over random trees, Edge's execute/batchExecute semantics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startAnvil, SYSTEM } from '../testkit/anvil.mjs';
import { encode, keccak, keccakText } from '../testkit/abi.mjs';
import { buildTree, verify } from '../testkit/merkle.mjs';
import { makeValidators, signedCommitment, stateSyncLeaf, stateSyncTuple } from '../testkit/bridge.mjs';
import { DOMAIN_CHECKPOINT_MANAGER } from '../testkit/bls.mjs';

const STATE_RECEIVER = '0x0000000000000000000000000000000000001001';
const PRECOMPILE = '0x0000000000000000000000000000000000002030';
const OK_RECEIVER = '0x000000000000000000000000000000000000c0de'; // code 0x00: STOP, every call succeeds
const FAILING_RECEIVER = '0x000000000000000000000000000000000000bad0'; // code: revert(0, 0)
const EOA_RECEIVER = '0x000000000000000000000000000000000000e0a0';

let chain;
let from;
let bls;
let sr;
const vals = makeValidators(4);
const ALL = [0, 1, 2, 3];
let nextId = 1n;

before(async () => {
  chain = await startAnvil();
  [from] = await chain.accounts();
  bls = await chain.deploy('BLS');
  sr = await chain.place('StateReceiver', STATE_RECEIVER);
  await chain.place('BLSAggSigsVerification', PRECOMPILE);
  await chain.rpc('anvil_setCode', [OK_RECEIVER, '0x00']);
  await chain.rpc('anvil_setCode', [FAILING_RECEIVER, '0x5f5ffd']);
  await chain.impersonate(SYSTEM);
});

after(async () => {
  await chain?.stop();
});

function makeSyncs(n, receiver = OK_RECEIVER) {
  const syncs = [];
  for (let i = 0; i < n; i++) {
    syncs.push({ id: nextId + BigInt(i), sender: '0x' + randomBytes(20).toString('hex'), receiver, data: '0x' + randomBytes(i % 70).toString('hex') });
  }
  return syncs;
}

/** commits the syncs as one commitment signed by `signers`; returns the tree */
async function commit(syncs, signers = ALL) {
  const tree = buildTree(syncs.map(stateSyncLeaf));
  const c = { startId: syncs[0].id, endId: syncs[syncs.length - 1].id, root: tree.root };
  const r = await sr.sendOk('commit', await signedCommitment(bls, vals, c, signers), SYSTEM);
  nextId = c.endId + 1n;
  return { tree, receipt: r };
}

const executeArgs = (tree, syncs, i) => [tree.proof(i), stateSyncTuple(syncs[i])];

test('commit with 4 validators verifies the aggregate signature via 0x2030 (gas reported)', async () => {
  const syncs = makeSyncs(5);
  const { receipt } = await commit(syncs);
  console.log(`# gas StateReceiver.commit (4 validators): ${receipt.gasUsedN}`);
  const [ev] = sr.logs(receipt, 'NewCommitment');
  assert.equal(ev.startId, syncs[0].id);
  assert.equal(ev.endId, syncs[4].id);
  assert.equal(await sr.read1('lastCommittedId'), syncs[4].id);
  assert.equal(await sr.read1('commitmentCounter'), 1n);
  assert.deepEqual(await sr.read1('getCommitmentByStateSyncId', [3]), [1n, 5n, ev.root]);
  assert.equal(await sr.read1('getRootByStateSyncId', [5]), ev.root);
  assert.equal(await sr.revertReason('getCommitmentByStateSyncId', [6]), 'StateReceiver: NO_COMMITMENT_FOR_ID');
});

test('commit: only the system caller, contiguous ids, end >= start', async () => {
  const syncs = makeSyncs(2);
  const tree = buildTree(syncs.map(stateSyncLeaf));
  const c = { startId: syncs[0].id, endId: syncs[1].id, root: tree.root };
  const args = await signedCommitment(bls, vals, c, ALL);
  assert.equal(await sr.revertReason('commit', args, from), 'ONLY_SYSTEMCALL');
  const gap = await signedCommitment(bls, vals, { ...c, startId: c.startId + 1n }, ALL);
  assert.equal(await sr.revertReason('commit', gap, SYSTEM), 'INVALID_START_ID');
  const backwards = await signedCommitment(bls, vals, { ...c, endId: c.startId - 1n }, ALL);
  assert.equal(await sr.revertReason('commit', backwards, SYSTEM), 'INVALID_END_ID');
});

test('commit: wrong domain, keys not matching the signature and malformed input are rejected; no quorum check', async () => {
  const syncs = makeSyncs(3);
  const tree = buildTree(syncs.map(stateSyncLeaf));
  const c = { startId: syncs[0].id, endId: syncs[2].id, root: tree.root };
  const wrongDomain = await signedCommitment(bls, vals, c, ALL, { domain: DOMAIN_CHECKPOINT_MANAGER });
  assert.equal(await sr.revertReason('commit', wrongDomain, SYSTEM), 'SIGNATURE_VERIFICATION_FAILED');
  const wrongKeys = await signedCommitment(bls, vals, c, [0, 1, 2], { keyIndexes: [0, 1, 3] });
  assert.equal(await sr.revertReason('commit', wrongKeys, SYSTEM), 'SIGNATURE_VERIFICATION_FAILED');
  const noKeys = await signedCommitment(bls, vals, c, ALL, { keyIndexes: [] });
  assert.equal(await sr.revertReason('commit', noKeys, SYSTEM), 'SIGNATURE_VERIFICATION_FAILED');
  const other = await signedCommitment(bls, vals, { ...c, root: keccakText('other') }, ALL);
  assert.equal(await sr.revertReason('commit', [[c.startId, c.endId, c.root], other[1], other[2]], SYSTEM), 'SIGNATURE_VERIFICATION_FAILED');
  // a signature that is not 64 bytes makes the precompile call fail: empty revert, as Edge's
  const good = await signedCommitment(bls, vals, c, ALL);
  assert.equal(await sr.revertReason('commit', [good[0], good[1].slice(0, -2), good[2]], SYSTEM), '<empty revert>');
  // the key's last byte changed (to 00, or to 01 when it already is 00: the keys are random)
  const lastByte = vals[0].pubBytes.slice(-2) === '00' ? '01' : '00';
  const badKey = encode(['bytes[]', 'bytes'], [[vals[0].pubBytes.slice(0, -2) + lastByte], '0x01']);
  assert.equal(await sr.revertReason('commit', [good[0], good[1], badKey], SYSTEM), '<empty revert>');
  // one signer of four is enough here: quorum is the product's job (docs/protocol.md)
  await sr.sendOk('commit', await signedCommitment(bls, vals, c, [2]), SYSTEM);
  nextId = c.endId + 1n;
});

test('precompile stand-in returns abi.encode(bool) for Edge input', async () => {
  const msg = keccakText('m');
  const c = await signedCommitment(bls, vals, { startId: 1, endId: 1, root: msg }, ALL);
  // reuse the commitment signature over keccak(abi.encode(commitment))
  const message = keccak(encode(['uint256', 'uint256', 'bytes32'], [1, 1, msg]));
  const out = await chain.call({ to: PRECOMPILE, data: encode(['bytes32', 'bytes', 'bytes'], [message, c[1], c[2]]) });
  assert.equal(out, encode(['bool'], [true]));
  const out2 = await chain.call({ to: PRECOMPILE, data: encode(['bytes32', 'bytes', 'bytes'], [msg, c[1], c[2]]) });
  assert.equal(out2, encode(['bool'], [false]));
});

test('Merkle proofs of random trees with 1..300 leaves execute (JS check of every leaf, chain check of samples)', async () => {
  const sizes = [...Array.from({ length: 33 }, (_, i) => i + 1), 63, 64, 65, 100, 127, 128, 129, 255, 256, 257, 299, 300];
  for (let k = 0; k < 12; k++) sizes.push(34 + Math.floor(Math.random() * 267));
  let execGas = null;
  for (const n of sizes) {
    const syncs = makeSyncs(n);
    const { tree } = await commit(syncs);
    for (let i = 0; i < n; i++) assert.ok(verify(stateSyncLeaf(syncs[i]), i, tree.root, tree.proof(i)));
    const picks = [...new Set([0, n - 1, Math.floor(Math.random() * n)])];
    for (const i of picks) {
      const r = await sr.sendOk('execute', executeArgs(tree, syncs, i), from);
      const [ev] = sr.logs(r, 'StateSyncResult');
      assert.equal(ev.counter, syncs[i].id);
      assert.equal(ev.status, true, `size ${n} leaf ${i}`);
      assert.equal(await sr.read1('processedStateSyncs', [syncs[i].id]), true);
      if (n === 8 && execGas === null) execGas = r.gasUsedN;
    }
    if (n > 1) {
      // the proof is checked before the processed flag
      const wrongLeaf = [tree.proof(0), stateSyncTuple(syncs[1])];
      assert.equal(await sr.revertReason('execute', wrongLeaf, from), 'INVALID_PROOF');
      const tooLong = [[...tree.proof(0), tree.root], stateSyncTuple(syncs[0])];
      assert.equal(await sr.revertReason('execute', tooLong, from), 'INVALID_PROOF');
    }
  }
  console.log(`# gas StateReceiver.execute (8-leaf tree, no-op receiver): ${execGas}`);
});

test('proof length must match the tree height (checkMembershipWithHeight)', async () => {
  const syncs = makeSyncs(4);
  const { tree } = await commit(syncs);
  const proof = tree.proof(1);
  assert.equal(await sr.revertReason('execute', [proof.slice(0, 1), stateSyncTuple(syncs[1])], from), 'INVALID_PROOF');
  assert.equal(await sr.revertReason('execute', [[...proof, proof[0]], stateSyncTuple(syncs[1])], from), 'INVALID_PROOF');
  await sr.sendOk('execute', [proof, stateSyncTuple(syncs[1])], from);
});

test('replay reverts; failed calls and code-less receivers are not marked processed', async () => {
  const syncs = [...makeSyncs(1, OK_RECEIVER)];
  nextId += 1n;
  syncs.push(...makeSyncs(1, FAILING_RECEIVER));
  nextId += 1n;
  syncs.push(...makeSyncs(1, EOA_RECEIVER));
  nextId = syncs[0].id;
  const { tree } = await commit(syncs);

  await sr.sendOk('execute', executeArgs(tree, syncs, 0), from);
  assert.equal(await sr.revertReason('execute', executeArgs(tree, syncs, 0), from), 'StateReceiver: STATE_SYNC_IS_PROCESSED');

  const failed = await sr.sendOk('execute', executeArgs(tree, syncs, 1), from);
  assert.equal(sr.logs(failed, 'StateSyncResult')[0].status, false);
  assert.equal(await sr.read1('processedStateSyncs', [syncs[1].id]), false);
  await chain.rpc('anvil_setCode', [FAILING_RECEIVER, '0x00']); // receiver fixed: retry succeeds
  const retried = await sr.sendOk('execute', executeArgs(tree, syncs, 1), from);
  assert.equal(sr.logs(retried, 'StateSyncResult')[0].status, true);
  await chain.rpc('anvil_setCode', [FAILING_RECEIVER, '0x5f5ffd']);

  const noCode = await sr.sendOk('execute', executeArgs(tree, syncs, 2), from);
  const [ev] = sr.logs(noCode, 'StateSyncResult');
  assert.equal(ev.status, false);
  assert.equal(ev.message, '0x');
  assert.equal(await sr.read1('processedStateSyncs', [syncs[2].id]), false);
  await sr.sendOk('execute', executeArgs(tree, syncs, 2), from); // may be executed again
});

test('batchExecute skips bad proofs silently and reverts on a processed id', async () => {
  const syncs = makeSyncs(6);
  const { tree } = await commit(syncs);
  const proofs = [tree.proof(0), tree.proof(0), tree.proof(2)]; // second is a bad proof for leaf 1
  const objs = [0, 1, 2].map((i) => stateSyncTuple(syncs[i]));
  const r = await sr.sendOk('batchExecute', [proofs, objs], from);
  const results = sr.logs(r, 'StateSyncResult');
  assert.deepEqual(results.map((e) => e.counter), [syncs[0].id, syncs[2].id]);
  assert.equal(await sr.read1('processedStateSyncs', [syncs[1].id]), false);
  assert.equal(await sr.revertReason('batchExecute', [[tree.proof(3), tree.proof(2)], [stateSyncTuple(syncs[3]), stateSyncTuple(syncs[2])]], from),
    'StateReceiver: STATE_SYNC_IS_PROCESSED');
  assert.equal(await sr.revertReason('batchExecute', [[tree.proof(3)], []], from), 'StateReceiver: UNMATCHED_LENGTH_PARAMETERS');
});
