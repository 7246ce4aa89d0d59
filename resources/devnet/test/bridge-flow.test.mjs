// End to end on two anvils, deployed as the devnet does: deposit -> commit -> execute -> mint, and
// withdraw -> checkpoint -> exit -> release.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAnvil, SYSTEM, Contract, artifact } from '../testkit/anvil.mjs';
import { keccak, keccakText, encode } from '../testkit/abi.mjs';
import { buildTree } from '../testkit/merkle.mjs';
import {
  makeValidators, validatorTuples, validatorSetHash, signedCheckpoint, signedCommitment,
  stateSyncLeaf, stateSyncTuple, exitLeafBytes,
} from '../testkit/bridge.mjs';

const CHILD_CHAIN_ID = 4200n;
const ADDR = {
  validatorSet: '0x0000000000000000000000000000000000000101',
  stateReceiver: '0x0000000000000000000000000000000000001001',
  l2StateSender: '0x0000000000000000000000000000000000001002',
  childERC20: '0x0000000000000000000000000000000000001003',
  childERC20Predicate: '0x0000000000000000000000000000000000001004',
  blsPrecompile: '0x0000000000000000000000000000000000002030',
};
const ZERO = '0x0000000000000000000000000000000000000000';

let root;
let child;
let user;
let receiver;
const vals = makeValidators(4);
const R = {};
const C = {};

before(async () => {
  [root, child] = await Promise.all([startAnvil({ chainId: 1337 }), startAnvil({ chainId: Number(CHILD_CHAIN_ID) })]);
  [user, receiver] = await root.accounts();

  R.bls = await root.deploy('BLS');
  R.g2 = await root.deploy('BN256G2');
  R.stateSender = await root.deploy('StateSender');
  R.checkpointManager = await root.deploy('CheckpointManager');
  await R.checkpointManager.sendOk('initialize', [R.bls.address, R.g2.address, CHILD_CHAIN_ID, validatorTuples(vals)], user);
  R.exitHelper = await root.deploy('ExitHelper');
  await R.exitHelper.sendOk('initialize', [R.checkpointManager.address], user);
  R.predicate = await root.deploy('RootERC20Predicate');
  await R.predicate.sendOk('initialize', [R.stateSender.address, R.exitHelper.address, ADDR.childERC20Predicate, ADDR.childERC20, ZERO], user);
  R.token = await root.deploy('RootERC20', ['Demo Token', 'DEMO', 18]);
  await R.token.sendOk('mint', [user, 10n ** 21n], user);

  C.stateReceiver = await child.place('StateReceiver', ADDR.stateReceiver);
  C.l2StateSender = await child.place('L2StateSender', ADDR.l2StateSender);
  await child.place('ChildERC20', ADDR.childERC20);
  C.predicate = await child.place('ChildERC20Predicate', ADDR.childERC20Predicate);
  C.validatorSet = await child.place('ValidatorSet', ADDR.validatorSet);
  await child.place('BLSAggSigsVerification', ADDR.blsPrecompile);
  await child.impersonate(SYSTEM);
  await C.predicate.sendOk('initialize', [ADDR.l2StateSender, ADDR.stateReceiver, R.predicate.address, ADDR.childERC20, ZERO], SYSTEM);
  await C.validatorSet.sendOk('initialize', [10, validatorTuples(vals)], SYSTEM);
});

after(async () => {
  await Promise.all([root?.stop(), child?.stop()]);
});

let childToken;

test('deposit -> commit -> execute mints the child token', async () => {
  const amount = 5n * 10n ** 18n;
  await R.token.sendOk('approve', [R.predicate.address, amount], user);
  const dep = await R.predicate.sendOk('depositTo', [R.token.address, receiver, amount], user);
  const synced = R.stateSender.logs(dep, 'StateSynced');
  assert.deepEqual(synced.map((s) => s.id), [1n, 2n]); // MAP_TOKEN, then DEPOSIT
  const [mapped] = R.predicate.logs(dep, 'TokenMapped');
  childToken = mapped.childToken;
  const [deposit] = R.predicate.logs(dep, 'ERC20Deposit');
  assert.equal(deposit.amount, amount);
  assert.equal(deposit.receiver.toLowerCase(), receiver.toLowerCase());
  assert.equal(synced[1].data, encode(['bytes32', 'address', 'address', 'address', 'uint256'],
    [keccakText('DEPOSIT'), R.token.address, user, receiver, amount]));

  const syncs = synced.map((s) => ({ id: s.id, sender: s.sender, receiver: s.receiver, data: s.data }));
  const tree = buildTree(syncs.map(stateSyncLeaf));
  await C.stateReceiver.sendOk('commit', await signedCommitment(R.bls, vals, { startId: 1n, endId: 2n, root: tree.root }, [0, 1, 2]), SYSTEM);

  const mapTx = await C.stateReceiver.sendOk('execute', [tree.proof(0), stateSyncTuple(syncs[0])], user);
  assert.equal(C.stateReceiver.logs(mapTx, 'StateSyncResult')[0].status, true);
  assert.equal(C.predicate.logs(mapTx, 'L2TokenMapped')[0].childToken.toLowerCase(), childToken.toLowerCase());
  const mintTx = await C.stateReceiver.sendOk('execute', [tree.proof(1), stateSyncTuple(syncs[1])], user);
  console.log(`# gas StateReceiver.execute (deposit, mints): ${mintTx.gasUsedN}`);
  assert.equal(C.stateReceiver.logs(mintTx, 'StateSyncResult')[0].status, true);

  C.token = new Contract(child, childToken, artifact('ChildERC20'));
  assert.equal(await C.token.read1('balanceOf', [receiver]), amount);
  assert.equal(await C.token.read1('symbol'), 'DEMO');
  assert.equal(await C.token.read1('decimals'), 18n);
  assert.equal((await C.token.read1('rootToken')).toLowerCase(), R.token.address.toLowerCase());
  assert.equal(await R.token.read1('balanceOf', [R.predicate.address]), amount);
});

test('withdraw -> checkpoint -> exit releases the root token', async () => {
  const amount = 2n * 10n ** 18n;
  const w = await C.predicate.sendOk('withdrawTo', [childToken, user, amount], receiver);
  const [ev] = C.l2StateSender.logs(w, 'L2StateSynced');
  assert.equal(ev.id, 1n);
  assert.equal(await C.token.read1('balanceOf', [receiver]), 3n * 10n ** 18n);
  const exit = { id: ev.id, sender: ev.sender, receiver: ev.receiver, data: ev.data };
  assert.equal(exit.data, encode(['bytes32', 'address', 'address', 'address', 'uint256'],
    [keccakText('WITHDRAW'), R.token.address, receiver, user, amount]));

  const tree = buildTree([keccak(exitLeafBytes(exit))]);
  const exitBlock = Number(w.blockNumber);
  const cpBlock = exitBlock + 1;
  await R.checkpointManager.sendOk('submit', await signedCheckpoint(R.bls, CHILD_CHAIN_ID, vals,
    { epoch: 1, blockNumber: cpBlock, eventRoot: tree.root }, [0, 1, 2, 3]), user);
  assert.equal(await R.checkpointManager.read1('getEventRootByBlock', [exitBlock]), tree.root);

  const before = await R.token.read1('balanceOf', [user]);
  const r = await R.exitHelper.sendOk('exit', [cpBlock, 0, exitLeafBytes(exit), tree.proof(0)], receiver);
  console.log(`# gas ExitHelper.exit (withdrawal, releases tokens): ${r.gasUsedN}`);
  assert.equal(R.exitHelper.logs(r, 'ExitProcessed')[0].success, true);
  const [released] = R.predicate.logs(r, 'ERC20Withdraw');
  assert.equal(released.amount, amount);
  assert.equal(await R.token.read1('balanceOf', [user]), before + amount);
  assert.equal(await R.exitHelper.revertReason('exit', [cpBlock, 0, exitLeafBytes(exit), tree.proof(0)], user),
    'ExitHelper: EXIT_ALREADY_PROCESSED');
});

test('predicates accept messages only from their counterparts', async () => {
  const data = encode(['bytes32', 'address', 'address', 'address', 'uint256'], [keccakText('WITHDRAW'), R.token.address, user, user, 1]);
  assert.equal(await R.predicate.revertReason('onL2StateReceive', [1, ADDR.childERC20Predicate, data], user), 'RootERC20Predicate: ONLY_EXIT_HELPER');
  assert.equal(await C.predicate.revertReason('onStateReceive', [1, R.predicate.address, data], user), 'ChildERC20Predicate: ONLY_STATE_RECEIVER');
  assert.equal(await C.token.revertReason('mint', [user, 1], user), 'ChildERC20: Only predicate can call');
  assert.equal(await R.token.revertReason('mint', [user, 1], receiver), 'RootERC20: ONLY_OWNER');
  assert.equal(await R.predicate.revertReason('mapToken', [R.token.address], user), 'RootERC20Predicate: ALREADY_MAPPED');
  assert.equal(await C.predicate.revertReason('initialize', [ADDR.l2StateSender, ADDR.stateReceiver, user, ADDR.childERC20, ZERO], SYSTEM),
    'Initializable: contract is already initialized');
});

test('ValidatorSet keeps the set, its CheckpointManager-style hash and committed epochs', async () => {
  const vs = C.validatorSet;
  assert.equal(await vs.read1('validatorSetHash'), validatorSetHash(vals));
  assert.equal(await vs.read1('totalSupply'), 400n);
  assert.equal(await vs.read1('balanceOf', [vals[2].address]), 100n);
  const listed = await vs.read1('getValidators');
  assert.deepEqual(listed.map((v) => v[1]), vals.map((v) => v.blsKey));
  assert.equal(await vs.revertReason('commitEpoch', [1, [1, 10, keccakText('r')]], user), 'ONLY_SYSTEMCALL');
  const r = await vs.sendOk('commitEpoch', [1, [1, 10, keccakText('r')]], SYSTEM);
  assert.equal(vs.logs(r, 'NewEpoch')[0].endBlock, 10n);
  assert.equal(await vs.revertReason('commitEpoch', [2, [12, 21, keccakText('r')]], SYSTEM), 'INVALID_START_BLOCK');
  assert.equal(await vs.revertReason('commitEpoch', [2, [11, 25, keccakText('r')]], SYSTEM), 'EPOCH_MUST_BE_DIVISIBLE_BY_EPOCH_SIZE');
  await vs.sendOk('commitEpoch', [2, [11, 20, keccakText('r2')]], SYSTEM);
  assert.equal(await vs.read1('currentEpochId'), 3n);
  assert.equal(await vs.read1('totalBlocks', [2]), 10n);
  const next = makeValidators(2, [7, 9]);
  await vs.sendOk('updateValidatorSet', [validatorTuples(next)], SYSTEM);
  assert.equal(await vs.read1('validatorSetHash'), validatorSetHash(next));
  assert.equal(await vs.read1('balanceOf', [vals[3].address]), 0n);
  assert.equal(await vs.read1('totalSupply'), 16n);
});
