package io.bridgescope.crypto.merkle;

import java.util.List;

/**
 * Where a proof lives in the tree: {@code path} runs from the leaf (level 0) to the root, and
 * {@code siblings.get(k)} is the node hashed with {@code path.get(k)}. A sibling equal to its path
 * node marks the odd last node paired with itself.
 */
public record MerkleProofPath(
    int leafIndex, List<MerkleNodeRef> path, List<MerkleNodeRef> siblings) {

  public MerkleProofPath {
    path = List.copyOf(path);
    siblings = List.copyOf(siblings);
  }

  /** True if {@code ref} is on the path or is one of its siblings. */
  public boolean touches(MerkleNodeRef ref) {
    return path.contains(ref) || siblings.contains(ref);
  }
}
