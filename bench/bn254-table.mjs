#!/usr/bin/env node
// Prints the BN254 comparison table from a JMH JSON result (-rf json) and noble-bn254.mjs output.
//   node bench/bn254-table.mjs jmh.json noble.json
import { readFileSync } from 'node:fs';

const [jmhFile, nobleFile] = process.argv.slice(2);
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8'));
const noble = JSON.parse(readFileSync(nobleFile, 'utf8'));

const toMs = { 'ms/op': 1, 'us/op': 1e-3, 'ns/op': 1e-6, 's/op': 1e3 };
function result(name) {
  const r = jmh.find((b) => b.benchmark.endsWith('.' + name));
  if (!r) throw new Error(`no JMH result for ${name} in ${jmhFile}`);
  return r.primaryMetric;
}
/** median in ms for SampleTime results; the average for AverageTime ones */
function ms(name) {
  const m = result(name);
  const f = toMs[m.scoreUnit];
  if (f === undefined) throw new Error(`${name}: unit ${m.scoreUnit} is not a time`);
  const r = jmh.find((b) => b.benchmark.endsWith('.' + name));
  return (r.mode === 'sample' ? m.scorePercentiles['50.0'] : m.score) * f;
}

const ours = {
  aggregateVerify: ms('Bn254Bench.aggregateVerify'),
  aggregateVerifyPrehashed: ms('Bn254Bench.aggregateVerifyPrehashed'),
  aggregateVerifyEncoded: ms('Bn254Bench.aggregateVerifyEncoded'),
  pairingCheck2: ms('Bn254Bench.pairingCheck2'),
  verifySingle: ms('Bn254Bench.verifySingle'),
};
const pairingCall = ms('AnvilPairingBench.pairingCall');
const emptyCall = ms('AnvilPairingBench.emptyCall');
const anvil = pairingCall - emptyCall;
const hashPerSecond = result('Bn254Bench.hashToPoint').score;
const jblst = ms('Bls12381Bench.aggregateVerify');

const f = (x) => (x === undefined ? '–' : x.toFixed(3));
const ratio = (a, b) => (b === undefined ? '–' : (a / b).toFixed(2) + '×');
const rows = [
  ['2-pair pairing check', ours.pairingCheck2, anvil, noble.pairingCheck2.median_ms],
  [
    `aggregate verify, ${noble.signers} signers (key sum + 2-pair check, H(m) given)`,
    ours.aggregateVerifyPrehashed,
    undefined,
    noble.aggregateVerify100.median_ms,
  ],
  ['aggregate verify, 100 signers, incl. hash-to-point (aims: <= 2 ms, <= 1.5x anvil)', ours.aggregateVerify, anvil],
  ['  same from encoded keys (decode + subgroup check of each key)', ours.aggregateVerifyEncoded],
  ['single verify (hash-to-point + 2-pair check)', ours.verifySingle],
];
const head = ['BN254, median ms', 'ours (Java)', 'anvil 0x08', 'noble', 'ours/anvil', 'ours/noble'];
const lines = rows.map(([label, o, a, n]) => [label, f(o), f(a), f(n), ratio(o, a), ratio(o, n)]);
const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const fmt = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log(fmt(head));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const l of lines) console.log(fmt(l));
console.log();
console.log(`anvil 0x08 = eth_call of the 2-pair check (${f(pairingCall)} ms) - eth_call of 0x08 with no pairs (${f(emptyCall)} ms)`);
console.log(`hash-to-point (Edge, BN254): ${Math.round(hashPerSecond)} /s`);
console.log(`jblst BLS12-381 aggregate verify, 100 signers (keys decoded): ${f(jblst)} ms (average)`);
const jdk = jmh[0] && jmh[0].jdkVersion ? `Java ${jmh[0].jdkVersion} (${jmh[0].vmName})` : 'Java ?';
console.log(`JMH ran on ${jdk}`);
const over = (x, aim) => (x <= aim ? 'met' : `NOT met, ${((x / aim - 1) * 100).toFixed(0)}% over`);
console.log(`aggregate verify incl. hash vs 2 ms aim: ${f(ours.aggregateVerify)} ms, ${over(ours.aggregateVerify, 2)}`);
console.log(
  `aggregate verify incl. hash vs anvil's 2-pair 0x08: ${ratio(ours.aggregateVerify, anvil)} (aim <= 1.5x), ${over(ours.aggregateVerify / anvil, 1.5)}`,
);
