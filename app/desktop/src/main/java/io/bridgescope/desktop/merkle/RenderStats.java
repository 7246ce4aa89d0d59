package io.bridgescope.desktop.merkle;

/**
 * What one frame drew, so tests and the frame-time probe can see that culling works.
 *
 * @param nodes individually drawn node boxes (highlight overlay included)
 * @param labels hash labels drawn
 * @param bands rows drawn as one band because their nodes are too dense
 * @param edges parent-child lines drawn
 * @param nanos time spent issuing the drawing commands
 */
public record RenderStats(int nodes, int labels, int bands, int edges, long nanos) {
  public static final RenderStats NONE = new RenderStats(0, 0, 0, 0, 0);
}
