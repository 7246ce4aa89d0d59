// BN254 BLS keys and signatures (Edge flavour) with @noble/curves; H(m) comes from the chain's
// BLS.hashToPoint (checked against the Edge vectors in hash-to-point.test.mjs).
import { bn254 } from '@noble/curves/bn254.js';
import { randomBytes } from 'node:crypto';
import { encode, keccakText } from './abi.mjs';

const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
const R = bn254.fields.Fr.ORDER;

export const DOMAIN_CHECKPOINT_MANAGER = keccakText('DOMAIN_CHECKPOINT_MANAGER');
export const DOMAIN_STATE_RECEIVER = keccakText('DOMAIN_STATE_RECEIVER');

export function newKey() {
  const sk = (BigInt('0x' + randomBytes(48).toString('hex')) % (R - 1n)) + 1n;
  const pk = G2.BASE.multiply(sk).toAffine();
  return {
    sk,
    /** on-chain uint256[4] [x.real, x.imag, y.real, y.imag] */
    blsKey: [pk.x.c0, pk.x.c1, pk.y.c0, pk.y.c1],
    /** 128-byte EVM order x.imag ‖ x.real ‖ y.imag ‖ y.real */
    pubBytes: encode(['uint256', 'uint256', 'uint256', 'uint256'], [pk.x.c1, pk.x.c0, pk.y.c1, pk.y.c0]),
  };
}

/** aggregate signature [x, y] of the message point h = [x, y] by the given keys */
export function sign(keys, h) {
  const hp = G1.fromAffine({ x: BigInt(h[0]), y: BigInt(h[1]) });
  let acc = G1.ZERO;
  for (const k of keys) acc = acc.add(hp.multiply(k.sk));
  const a = acc.toAffine();
  return [a.x, a.y];
}

export const sigBytes = (sig) => encode(['uint256', 'uint256'], sig);

/** bitmap bytes (LSB first) with the given validator indexes set */
export function bitmap(indexes, minBytes = 0) {
  const n = Math.max(minBytes, indexes.length ? Math.floor(Math.max(...indexes) / 8) + 1 : 0);
  const b = Buffer.alloc(n);
  for (const i of indexes) b[i >> 3] |= 1 << (i & 7);
  return '0x' + b.toString('hex');
}
