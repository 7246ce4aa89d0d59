// Edge Merkle trees in JS: keccak(left ‖ right), unsorted, odd node paired with itself, no padding.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { hexToBytes, bytesToHex } from './abi.mjs';

const hashPair = (a, b) => bytesToHex(keccak_256(Buffer.concat([hexToBytes(a), hexToBytes(b)])));

export function buildTree(leaves) {
  if (leaves.length === 0) throw new Error('empty tree');
  const levels = [leaves.slice()];
  while (levels[levels.length - 1].length > 1) {
    const cur = levels[levels.length - 1];
    const next = [];
    for (let i = 0; i < cur.length; i += 2) next.push(hashPair(cur[i], i + 1 < cur.length ? cur[i + 1] : cur[i]));
    levels.push(next);
  }
  return {
    root: levels[levels.length - 1][0],
    proof(index) {
      const out = [];
      let idx = index;
      for (let l = 0; l < levels.length - 1; l++) {
        const level = levels[l];
        const sib = idx ^ 1;
        out.push(sib < level.length ? level[sib] : level[idx]);
        idx >>= 1;
      }
      return out;
    },
  };
}

export function verify(leaf, index, root, proof) {
  let node = leaf;
  let idx = BigInt(index);
  for (const p of proof) {
    node = idx & 1n ? hashPair(p, node) : hashPair(node, p);
    idx >>= 1n;
  }
  return node === root && idx === 0n;
}
