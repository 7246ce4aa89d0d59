// ExitHelper against a CheckpointManager fed with real signed checkpoints: Merkle proofs over random
// exit trees, Edge's exit/batchExit semantics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startAnvil } from '../testkit/anvil.mjs';
import { keccak } from '../testkit/abi.mjs';
import { buildTree } from '../testkit/merkle.mjs';
import { makeValidators, validatorTuples, signedCheckpoint, exitLeafBytes } from '../testkit/bridge.mjs';

const CHILD_CHAIN_ID = 100n;
const OK_RECEIVER = '0x000000000000000000000000000000000000c0de';
const FAILING_RECEIVER = '0x000000000000000000000000000000000000bad0';
const EOA_RECEIVER = '0x000000000000000000000000000000000000e0a0';

let chain;
let from;
let bls;
let cm;
let eh;
const vals = makeValidators(4);
let epoch = 0;
let block = 0;
let nextId = 1n;

before(async () => {
  chain = await startAnvil();
  [from] = await chain.accounts();
  bls = await chain.deploy('BLS');
  const g2 = await chain.deploy('BN256G2');
  cm = await chain.deploy('CheckpointManager');
  await cm.sendOk('initialize', [bls.address, g2.address, CHILD_CHAIN_ID, validatorTuples(vals)], from);
  eh = await chain.deploy('ExitHelper');
  await chain.rpc('anvil_setCode', [OK_RECEIVER, '0x00']);
  await chain.rpc('anvil_setCode', [FAILING_RECEIVER, '0x5f5ffd']);
});

after(async () => {
  await chain?.stop();
});

function makeExits(n, receiver = OK_RECEIVER) {
  return Array.from({ length: n }, (_, i) => ({
    id: nextId++,
    sender: '0x' + randomBytes(20).toString('hex'),
    receiver: Array.isArray(receiver) ? receiver[i % receiver.length] : receiver,
    data: '0x' + randomBytes(i % 50).toString('hex'),
  }));
}

/** submits a checkpoint for a new epoch whose exit root covers `exits`; returns tree and block */
async function checkpoint(exits) {
  const leaves = exits.map((e) => keccak(exitLeafBytes(e)));
  const tree = buildTree(leaves);
  epoch += 1;
  const first = block + 1;
  block += 10;
  await cm.sendOk('submit', await signedCheckpoint(bls, CHILD_CHAIN_ID, vals, { epoch, blockNumber: block, eventRoot: tree.root }, [0, 1, 2, 3]), from);
  return { tree, block, first };
}

const exitArgs = (cp, exits, i, blockNumber = cp.block) => [blockNumber, i, exitLeafBytes(exits[i]), cp.tree.proof(i)];

test('exit before initialize reverts; initialize needs a contract', async () => {
  assert.equal(await eh.revertReason('exit', [1, 0, exitLeafBytes({ id: 1, sender: from, receiver: from, data: '0x' }), []], from),
    'ExitHelper: NOT_INITIALIZED');
  assert.equal(await eh.revertReason('initialize', [EOA_RECEIVER], from), 'ExitHelper: INVALID_ADDRESS');
  await eh.sendOk('initialize', [cm.address], from);
});

test('exits from random trees with 1..300 leaves (gas reported)', async () => {
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 300];
  for (let k = 0; k < 8; k++) sizes.push(2 + Math.floor(Math.random() * 299));
  let gas = null;
  for (const n of sizes) {
    const exits = makeExits(n, [OK_RECEIVER, EOA_RECEIVER]);
    const cp = await checkpoint(exits);
    const picks = [...new Set([0, n - 1, Math.floor(Math.random() * n)])];
    for (const i of picks) {
      const r = await eh.sendOk('exit', exitArgs(cp, exits, i), from);
      const [ev] = eh.logs(r, 'ExitProcessed');
      assert.equal(ev.id, exits[i].id);
      assert.equal(ev.success, true, `size ${n} leaf ${i}`);
      assert.equal(await eh.read1('processedExits', [exits[i].id]), true);
      if (n === 8 && gas === null) gas = r.gasUsedN;
    }
    const open = exits.findIndex((_, i) => !picks.includes(i));
    if (open >= 0) {
      const bad = [cp.block, open, exitLeafBytes(exits[open]), cp.tree.proof(open === 0 ? 1 : 0)];
      assert.equal(await eh.revertReason('exit', bad, from), 'ExitHelper: INVALID_PROOF');
    }
  }
  console.log(`# gas ExitHelper.exit (8-leaf tree, no-op receiver): ${gas}`);
});

test('any block in (previous checkpoint block, checkpoint block] maps to the root; later blocks revert', async () => {
  const exits = makeExits(3);
  const cp = await checkpoint(exits);
  await eh.sendOk('exit', exitArgs(cp, exits, 0, cp.first), from);
  await eh.sendOk('exit', exitArgs(cp, exits, 1, cp.first + 4), from);
  assert.equal(await eh.revertReason('exit', exitArgs(cp, exits, 2, cp.first - 1), from), 'ExitHelper: INVALID_PROOF');
  assert.equal(await eh.revertReason('exit', exitArgs(cp, exits, 2, cp.block + 1), from), 'NO_EVENT_ROOT_FOR_BLOCK_NUMBER');
  // checkMembership only: for 3 leaves, leaf 2 is paired with itself, so index 3 proves it too
  await eh.sendOk('exit', [cp.block, 3, exitLeafBytes(exits[2]), cp.tree.proof(2)], from);
  assert.equal(await eh.revertReason('exit', [cp.block, 7, exitLeafBytes(exits[2]), cp.tree.proof(2)], from), 'ExitHelper: EXIT_ALREADY_PROCESSED');
});

test('replay reverts; a failed call is not marked and can be retried; a receiver without code succeeds', async () => {
  const exits = [...makeExits(1, FAILING_RECEIVER), ...makeExits(1, EOA_RECEIVER)];
  const cp = await checkpoint(exits);
  const failed = await eh.sendOk('exit', exitArgs(cp, exits, 0), from);
  assert.equal(eh.logs(failed, 'ExitProcessed')[0].success, false);
  assert.equal(await eh.read1('processedExits', [exits[0].id]), false);
  const again = await eh.sendOk('exit', exitArgs(cp, exits, 0), from);
  assert.equal(eh.logs(again, 'ExitProcessed')[0].success, false);

  const eoa = await eh.sendOk('exit', exitArgs(cp, exits, 1), from);
  assert.equal(eh.logs(eoa, 'ExitProcessed')[0].success, true);
  assert.equal(await eh.read1('processedExits', [exits[1].id]), true);
  assert.equal(await eh.revertReason('exit', exitArgs(cp, exits, 1), from), 'ExitHelper: EXIT_ALREADY_PROCESSED');
});

test('batchExit skips processed ids (even with a bad proof) and reverts on a bad proof', async () => {
  const exits = makeExits(5);
  const cp = await checkpoint(exits);
  await eh.sendOk('exit', exitArgs(cp, exits, 0), from);
  const processedBadProof = [cp.block, 0, exitLeafBytes(exits[0]), cp.tree.proof(3)];
  const r = await eh.sendOk('batchExit', [[processedBadProof, exitArgs(cp, exits, 1), exitArgs(cp, exits, 2)]], from);
  assert.deepEqual(eh.logs(r, 'ExitProcessed').map((e) => e.id), [exits[1].id, exits[2].id]);
  const badProof = [cp.block, 3, exitLeafBytes(exits[3]), cp.tree.proof(4)];
  assert.equal(await eh.revertReason('batchExit', [[exitArgs(cp, exits, 4), badProof]], from), 'ExitHelper: INVALID_PROOF');
});
