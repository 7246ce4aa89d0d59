// BLS.hashToPoint on chain must equal every Edge hash-to-point vector (the file HashToG1Test
// reads); the BN254 helpers agree with @noble/curves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';
import { startAnvil } from '../testkit/anvil.mjs';
import { newKey } from '../testkit/bls.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorsFile = path.resolve(
  here,
  '../../../app/crypto/src/test/resources/vectors/bn254-hash-to-point.json'
);

let chain;
let bls;
let g2;

before(async () => {
  chain = await startAnvil();
  bls = await chain.deploy('BLS');
  g2 = await chain.deploy('BN256G2');
});

after(async () => {
  await chain?.stop();
});

test('hashToPoint matches all Edge vectors', async () => {
  const vectors = JSON.parse(fs.readFileSync(vectorsFile, 'utf8'));
  assert.equal(vectors.length, 199);
  const results = await Promise.all(vectors.map((v) => bls.read1('hashToPoint', [v.domain, v.msg])));
  vectors.forEach((v, i) => {
    assert.deepEqual(results[i], [BigInt(v.x), BigInt(v.y)], `vector ${i} (msg ${v.msg})`);
  });
});

test('hashToPoint results lie on G1', async () => {
  const p = await bls.read1('hashToPoint', ['0x' + '11'.repeat(32), '0xdeadbeef']);
  assert.equal(await bls.read1('isOnCurveG1', [p]), true);
  assert.doesNotThrow(() => bn254.G1.Point.fromAffine({ x: p[0], y: p[1] }).assertValidity());
});

test('G2 addition agrees with @noble/curves, including doubling and inverse', async () => {
  const G2 = bn254.G2.Point;
  const a = newKey();
  const b = newKey();
  const r = bn254.fields.Fr.ORDER;
  const sum = G2.BASE.multiply((a.sk + b.sk) % r).toAffine();
  assert.deepEqual(await g2.read('ecTwistAdd', [...a.blsKey, ...b.blsKey]), [sum.x.c0, sum.x.c1, sum.y.c0, sum.y.c1]);
  const dbl = G2.BASE.multiply((2n * a.sk) % r).toAffine();
  assert.deepEqual(await g2.read('ecTwistAdd', [...a.blsKey, ...a.blsKey]), [dbl.x.c0, dbl.x.c1, dbl.y.c0, dbl.y.c1]);
  const P = bn254.fields.Fp.ORDER;
  const neg = [a.blsKey[0], a.blsKey[1], P - a.blsKey[2], P - a.blsKey[3]];
  assert.deepEqual(await g2.read('ecTwistAdd', [...a.blsKey, ...neg]), [0n, 0n, 0n, 0n]);
  assert.deepEqual(await g2.read('ecTwistAdd', [0, 0, 0, 0, ...b.blsKey]), b.blsKey);
  assert.equal(await bls.read1('isOnCurveG2', [a.blsKey]), true);
  const reason = await g2.revertReason('ecTwistAdd', [...a.blsKey, b.blsKey[0], b.blsKey[1], b.blsKey[2], b.blsKey[3] + 1n]);
  assert.equal(reason, 'BN254G2: point not on curve');
});

test('verifySingle accepts a real signature and rejects a wrong one', async () => {
  const k = newKey();
  const h = await bls.read1('hashToPoint', ['0x' + '22'.repeat(32), '0x01']);
  const sig = bn254.G1.Point.fromAffine({ x: h[0], y: h[1] }).multiply(k.sk).toAffine();
  assert.deepEqual(await bls.read('verifySingle', [[sig.x, sig.y], k.blsKey, h]), [true, true]);
  const other = await bls.read1('hashToPoint', ['0x' + '22'.repeat(32), '0x02']);
  assert.deepEqual(await bls.read('verifySingle', [[sig.x, sig.y], k.blsKey, other]), [true, false]);
});
