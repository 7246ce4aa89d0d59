package io.bridgescope.desktop.merkle;

/**
 * Maps world x (leaf units) and tree levels to screen pixels. Zoom scales x only: rows keep a
 * readable height whatever the zoom, so a 4,096-leaf tree fits the width with 13 readable rows.
 * Mutable, used on the FX thread only; pure arithmetic so it is unit-tested.
 */
public final class Viewport {

  /** Room on the left for the level labels. */
  public static final double GUTTER = 108;

  private static final double MARGIN = 40;
  private static final double MARGIN_Y = 28;
  private static final double MIN_ROW = 34;
  private static final double MAX_ROW = 84;
  private static final double MAX_SCALE = 260;

  private double width = 1;
  private double height = 1;
  private int levelCount = 1;
  private double scale = 1;
  private double minScale = 1e-6;
  private double tx;
  private double ty;

  public void setSize(double width, double height) {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
  }

  public void setLevelCount(int levelCount) {
    this.levelCount = Math.max(1, levelCount);
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  public double scale() {
    return scale;
  }

  /** Pixels between two rows: as much as fits, within readable bounds. */
  public double rowGap() {
    if (levelCount <= 1) {
      return MAX_ROW;
    }
    double fit = (height - 2 * MARGIN_Y) / (levelCount - 1);
    return Math.max(MIN_ROW, Math.min(MAX_ROW, fit));
  }

  public double screenX(double worldX) {
    return worldX * scale + tx;
  }

  /** Root row at the top, leaves at the bottom. */
  public double screenY(int level) {
    return top() + (levelCount - 1 - level) * rowGap() + ty;
  }

  /** Centres the rows vertically when they need less than the height. */
  private double top() {
    return MARGIN_Y + Math.max(0, (height - contentHeight()) / 2);
  }

  private double contentHeight() {
    return 2 * MARGIN_Y + (levelCount - 1) * rowGap();
  }

  public double worldX(double screenX) {
    return (screenX - tx) / scale;
  }

  /** The level whose row is nearest {@code screenY}. */
  public int nearestLevel(double screenY) {
    double fromTop = (screenY - top() - ty) / rowGap();
    int rowFromTop = (int) Math.round(fromTop);
    return Math.max(0, Math.min(levelCount - 1, levelCount - 1 - rowFromTop));
  }

  /** Shows [minX, maxX] across the width, leaves the gutter free, and resets vertical pan. */
  public void fit(double minX, double maxX) {
    // Half a node of room on both sides, so the outermost boxes are not cut off.
    minX -= 0.5;
    maxX += 0.5;
    double span = maxX - minX;
    double usable = Math.max(1, width - GUTTER - MARGIN);
    scale = span <= 0 ? MAX_SCALE : Math.min(MAX_SCALE, usable / span);
    minScale = scale / 2;
    double drawnWidth = span * scale;
    tx = GUTTER + (usable - drawnWidth) / 2 - minX * scale;
    ty = 0;
  }

  /** Zooms by {@code factor} keeping the world point under {@code screenX} in place. */
  public void zoomAt(double factor, double screenX) {
    double worldX = worldX(screenX);
    scale = Math.max(minScale, Math.min(MAX_SCALE, scale * factor));
    tx = screenX - worldX * scale;
  }

  public void pan(double dx, double dy) {
    tx += dx;
    double minTy = Math.min(0, height - contentHeight());
    ty = Math.max(minTy, Math.min(0, ty + dy));
  }

  /** Puts {@code worldX} in the middle of the width without changing the zoom. */
  public void centerOn(double worldX) {
    tx = GUTTER + (width - GUTTER) / 2 - worldX * scale;
  }

  public boolean isVisible(double worldX) {
    double sx = screenX(worldX);
    return sx >= GUTTER && sx <= width;
  }

  /** Sets the zoom so that neighbouring nodes are {@code pixels} apart at level 0. */
  public void zoomTo(double pixelsPerUnit, double screenX) {
    zoomAt(pixelsPerUnit / scale, screenX);
  }
}
