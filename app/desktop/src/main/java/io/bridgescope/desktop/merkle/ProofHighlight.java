package io.bridgescope.desktop.merkle;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleProofPath;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The roles of nodes for one selected leaf, looked up in O(1) per node while painting. A
 * self-paired odd last node is its own sibling: it keeps the path role and {@link #selfPaired} says
 * so.
 */
public final class ProofHighlight {

  public static final ProofHighlight NONE = new ProofHighlight(null);

  private final @Nullable MerkleProofPath proof;
  private final int[] path;
  private final int[] sibling;

  private ProofHighlight(@Nullable MerkleProofPath proof) {
    this.proof = proof;
    int levels = proof == null ? 0 : proof.path().size();
    this.path = new int[levels];
    this.sibling = new int[levels];
    Arrays.fill(sibling, -1);
    for (int level = 0; proof != null && level < levels; level++) {
      path[level] = proof.path().get(level).index();
      if (level < proof.siblings().size()) {
        sibling[level] = proof.siblings().get(level).index();
      }
    }
  }

  public static ProofHighlight of(MerkleProofPath proof) {
    return new ProofHighlight(proof);
  }

  public boolean isEmpty() {
    return proof == null;
  }

  public Optional<MerkleProofPath> proof() {
    return Optional.ofNullable(proof);
  }

  public NodeRole role(int level, int index) {
    if (level >= path.length) {
      return NodeRole.NONE;
    }
    if (path[level] == index) {
      if (level == 0) {
        return NodeRole.SELECTED_LEAF;
      }
      return level == path.length - 1 ? NodeRole.ROOT : NodeRole.PATH;
    }
    return sibling[level] == index ? NodeRole.SIBLING : NodeRole.NONE;
  }

  public NodeRole role(MerkleNodeRef ref) {
    return role(ref.level(), ref.index());
  }

  /** True if the path node of {@code level} is the odd last node, hashed with itself. */
  public boolean selfPaired(int level) {
    return level < path.length - 1 && sibling[level] == path[level];
  }

  /** Index of the path node on {@code level}, or -1 without a selection. */
  public int pathIndex(int level) {
    return level < path.length ? path[level] : -1;
  }

  /** Index of the sibling on {@code level}, or -1 for the root level or without a selection. */
  public int siblingIndex(int level) {
    return level < sibling.length ? sibling[level] : -1;
  }
}
