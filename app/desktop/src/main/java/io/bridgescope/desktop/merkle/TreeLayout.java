package io.bridgescope.desktop.merkle;

/**
 * Where each drawn node of a Merkle tree sits in world coordinates along x (one world unit = the
 * distance between adjacent leaves in the full layout). Rows are levels; level 0 holds the leaves.
 * Node indices are the tree's own, so the parent of {@code (level, i)} is always {@code (level + 1,
 * i / 2)}. Pure computation, no JavaFX, so it is tested without a display.
 */
public interface TreeLayout {

  int levelCount();

  /** World x of a drawn node; only valid for indices returned by {@link #range}. */
  double x(int level, int index);

  /** The drawn nodes of {@code level} whose x lies in [minX, maxX], as an index range. */
  IndexRange range(int level, double minX, double maxX);

  /** True if {@code (level, index)} is drawn by this layout. */
  boolean contains(int level, int index);

  /** Smallest distance between two drawn neighbours on a level; infinite for a lone node. */
  double minGap(int level);

  double minX();

  double maxX();

  /** An inclusive range of node indices; empty when {@code from > to}. */
  record IndexRange(int from, int to) {
    public static final IndexRange EMPTY = new IndexRange(0, -1);

    public boolean isEmpty() {
      return from > to;
    }

    public int size() {
      return isEmpty() ? 0 : to - from + 1;
    }
  }
}
