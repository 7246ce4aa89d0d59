package io.bridgescope.core.proof;

import io.bridgescope.crypto.merkle.MerkleTree;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The leaves of one bridge tree as indexed: message ids in leaf order and their 32-byte leaf hashes
 * in one flat array (cheap for 10,000s of leaves). Immutable.
 */
public final class LeafSet {

  private final BigInteger[] ids;
  private final byte[] leafHashes;

  LeafSet(BigInteger[] ids, byte[] leafHashes) {
    if (leafHashes.length != ids.length * 32) {
      throw new IllegalArgumentException("leaf set: " + ids.length + " ids, " + leafHashes.length);
    }
    this.ids = ids;
    this.leafHashes = leafHashes;
  }

  public int size() {
    return ids.length;
  }

  public boolean isEmpty() {
    return ids.length == 0;
  }

  public BigInteger id(int index) {
    return ids[index];
  }

  /** The leaf index of {@code id}; ids are ascending, so a binary search finds it. */
  public Optional<Integer> indexOf(BigInteger id) {
    int i = Arrays.binarySearch(ids, id);
    return i >= 0 ? Optional.of(i) : Optional.empty();
  }

  /** The Merkle tree over the leaves; empty for no leaves (an exit root of zero). */
  public Optional<MerkleTree> tree() {
    return ids.length == 0
        ? Optional.empty()
        : Optional.of(MerkleTree.fromConcatenatedLeafHashes(leafHashes));
  }

  /** The root as the chain stores it: the tree root, or 32 zero bytes for no leaves. */
  public byte[] root() {
    return tree().map(MerkleTree::root).orElse(new byte[32]);
  }
}
