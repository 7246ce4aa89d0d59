package io.bridgescope.desktop.merkle;

/**
 * Level of detail from the on-screen distance between neighbours of a level: labelled boxes, plain
 * boxes, or (too dense to tell apart) one band for the whole row.
 */
public final class NodeGeometry {

  /** Wide enough for "0x1234…abcd" in an 11 px monospaced font. */
  static final double LABEL_MIN_WIDTH = 84;

  static final double MAX_BOX = 104;
  static final double NODE_MIN_GAP = 3;
  static final double EDGE_MIN_GAP = 5;
  static final double LABELLED_HEIGHT = 22;
  static final double HIGHLIGHT_MIN_BOX = 10;

  private NodeGeometry() {}

  public static double boxWidth(double gapPx) {
    return Math.min(MAX_BOX, gapPx * 0.86);
  }

  public static double boxHeight(double gapPx) {
    double width = boxWidth(gapPx);
    return showLabels(gapPx) ? LABELLED_HEIGHT : Math.max(3, Math.min(14, width));
  }

  public static boolean showLabels(double gapPx) {
    return boxWidth(gapPx) >= LABEL_MIN_WIDTH;
  }

  public static boolean drawNodes(double gapPx) {
    return gapPx >= NODE_MIN_GAP;
  }

  public static boolean drawEdges(double childGapPx) {
    return childGapPx >= EDGE_MIN_GAP;
  }

  /** Highlighted nodes stay visible at any zoom. */
  public static double highlightWidth(double gapPx) {
    return Math.max(HIGHLIGHT_MIN_BOX, boxWidth(gapPx));
  }

  public static double highlightHeight(double gapPx) {
    return Math.max(HIGHLIGHT_MIN_BOX, boxHeight(gapPx));
  }
}
