package io.bridgescope.desktop.merkle;

/**
 * Every node of the tree: leaf i at x = i, a parent centred over its children, and the odd last
 * node of a level (paired with itself, protocol.md "Merkle tree") straight above its only child.
 * Positions are monotonic within a level, so the visible range is found by binary search.
 */
public final class FullTreeLayout implements TreeLayout {

  private final double[][] xs;
  private final double[] minGaps;

  private FullTreeLayout(double[][] xs) {
    this.xs = xs;
    this.minGaps = new double[xs.length];
    for (int level = 0; level < xs.length; level++) {
      double gap = Double.POSITIVE_INFINITY;
      double[] row = xs[level];
      for (int i = 1; i < row.length; i++) {
        gap = Math.min(gap, row[i] - row[i - 1]);
      }
      minGaps[level] = gap;
    }
  }

  /** Builds the layout for a tree of {@code leafCount} leaves. */
  public static FullTreeLayout forLeaves(int leafCount) {
    if (leafCount < 1) {
      throw new IllegalArgumentException("a tree needs at least one leaf: " + leafCount);
    }
    int levels = 1 + (32 - Integer.numberOfLeadingZeros(leafCount - 1));
    double[][] xs = new double[levels][];
    xs[0] = new double[leafCount];
    for (int i = 0; i < leafCount; i++) {
      xs[0][i] = i;
    }
    for (int level = 1; level < levels; level++) {
      double[] below = xs[level - 1];
      double[] here = new double[(below.length + 1) / 2];
      for (int j = 0; j < here.length; j++) {
        int right = Math.min(2 * j + 1, below.length - 1);
        here[j] = (below[2 * j] + below[right]) / 2;
      }
      xs[level] = here;
    }
    return new FullTreeLayout(xs);
  }

  @Override
  public int levelCount() {
    return xs.length;
  }

  public int levelSize(int level) {
    return xs[level].length;
  }

  @Override
  public double x(int level, int index) {
    return xs[level][index];
  }

  @Override
  public IndexRange range(int level, double minX, double maxX) {
    double[] row = xs[level];
    int from = lowerBound(row, minX);
    int to = lowerBound(row, Math.nextUp(maxX)) - 1;
    return from > to ? IndexRange.EMPTY : new IndexRange(from, to);
  }

  /** First index whose x is >= value (row.length if none). */
  private static int lowerBound(double[] row, double value) {
    int lo = 0;
    int hi = row.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (row[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean contains(int level, int index) {
    return level >= 0 && level < xs.length && index >= 0 && index < xs[level].length;
  }

  @Override
  public double minGap(int level) {
    return minGaps[level];
  }

  @Override
  public double minX() {
    return 0;
  }

  @Override
  public double maxX() {
    return xs[0].length - 1;
  }
}
