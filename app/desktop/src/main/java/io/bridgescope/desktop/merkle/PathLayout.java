package io.bridgescope.desktop.merkle;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleProofPath;

/**
 * "Collapse to path": only the proof path (x = 0) and each level's sibling (x = -1 or +1, on the
 * side it is hashed from) are drawn. A self-paired odd last node has no separate sibling.
 */
public final class PathLayout implements TreeLayout {

  private final int[] path;
  private final int[] sibling;

  public PathLayout(MerkleProofPath proofPath) {
    int levels = proofPath.path().size();
    path = new int[levels];
    sibling = new int[levels];
    for (int level = 0; level < levels; level++) {
      path[level] = proofPath.path().get(level).index();
      // The root has no sibling; treat it as paired with itself.
      sibling[level] =
          level < proofPath.siblings().size()
              ? proofPath.siblings().get(level).index()
              : path[level];
    }
  }

  @Override
  public int levelCount() {
    return path.length;
  }

  @Override
  public double x(int level, int index) {
    if (index == path[level]) {
      return 0;
    }
    if (index == sibling[level]) {
      return sibling[level] < path[level] ? -1 : 1;
    }
    throw new IllegalArgumentException(
        "node " + new MerkleNodeRef(level, index) + " is not drawn in the collapsed view");
  }

  @Override
  public IndexRange range(int level, double minX, double maxX) {
    int from = Math.min(path[level], sibling[level]);
    int to = Math.max(path[level], sibling[level]);
    while (from <= to && x(level, from) < minX) {
      from++;
    }
    while (to >= from && x(level, to) > maxX) {
      to--;
    }
    return from > to ? IndexRange.EMPTY : new IndexRange(from, to);
  }

  @Override
  public boolean contains(int level, int index) {
    return level >= 0 && level < path.length && (index == path[level] || index == sibling[level]);
  }

  @Override
  public double minGap(int level) {
    return path[level] == sibling[level] ? Double.POSITIVE_INFINITY : 1;
  }

  @Override
  public double minX() {
    return -1;
  }

  @Override
  public double maxX() {
    return 1;
  }
}
