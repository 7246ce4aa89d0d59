#!/usr/bin/env node
// Referee for Bn254Bench: @noble/curves (pinned in resources/devnet/node_modules) on the same work.
//   pairingCheck2       e(sig, -G2) · e(H, pk) == 1 with pairingBatch (2 pairs, final exponentiation)
//   aggregateVerify100  sum of 100 G2 public keys, then the same 2-pair check
// noble has no Edge hash-to-point (Fouque–Tibouchi), so H is a fixed G1 point here, as in
// Bn254Bench.aggregateVerifyPrehashed. Prints one JSON object: medians and means in ms.
//   node bench/noble-bn254.mjs [--signers 100] [--iterations 200] [--seconds 10]
import { bn254 } from '../resources/devnet/node_modules/@noble/curves/bn254.js';
import { randomBytes } from 'node:crypto';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SIGNERS = opt('signers', 100);
const ITERATIONS = opt('iterations', 200);
const SECONDS = opt('seconds', 10);

const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
const Fp12 = bn254.fields.Fp12;
const R = bn254.fields.Fr.ORDER;
const scalar = () => (BigInt('0x' + randomBytes(48).toString('hex')) % (R - 1n)) + 1n;

const H = G1.BASE.multiply(scalar());
const keys = [];
let sig = G1.ZERO;
for (let i = 0; i < SIGNERS; i++) {
  const sk = scalar();
  keys.push(G2.BASE.multiply(sk));
  sig = sig.add(H.multiply(sk));
}
const negG2 = G2.BASE.negate();
const aggKey = keys.reduce((a, k) => a.add(k), G2.ZERO);

const check = (pk) => Fp12.eql(bn254.pairingBatch([{ g1: sig, g2: negG2 }, { g1: H, g2: pk }]), Fp12.ONE);
const cases = {
  pairingCheck2: () => check(aggKey),
  aggregateVerify100: () => check(keys.reduce((a, k) => a.add(k), G2.ZERO)),
};
if (!cases.pairingCheck2() || check(aggKey.add(G2.BASE))) throw new Error('noble fixture does not verify');

function measure(fn) {
  const warmUntil = performance.now() + 2000; // JIT warm-up
  while (performance.now() < warmUntil) fn();
  const times = [];
  const stopAt = performance.now() + SECONDS * 1000;
  while (times.length < ITERATIONS || (performance.now() < stopAt && times.length < 10 * ITERATIONS)) {
    const t0 = process.hrtime.bigint();
    if (!fn()) throw new Error('check failed');
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (times.length >= ITERATIONS && performance.now() >= stopAt) break;
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { median_ms: median, mean_ms: mean, samples: times.length };
}

const out = { node: process.version, signers: SIGNERS };
for (const [name, fn] of Object.entries(cases)) out[name] = measure(fn);
console.log(JSON.stringify(out));
