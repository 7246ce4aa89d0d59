package io.bridgescope.desktop.merkle;

import io.bridgescope.desktop.merkle.TreeLayout.IndexRange;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of a tree onto a canvas: edges, nodes (or bands when too dense), the proof
 * highlight on top, and the level gutter. Only nodes inside the viewport are visited (binary search
 * per row), so a frame costs the visible nodes, not the tree size.
 */
public final class MerkleRenderer {

  /** The short label of a node, e.g. {@code 0x1234…abcd}. */
  @FunctionalInterface
  public interface NodeLabeler {
    String label(int level, int index);
  }

  /** Everything a frame depends on. */
  public record Frame(
      TreeLayout layout,
      Viewport viewport,
      ProofHighlight highlight,
      MerklePalette palette,
      NodeLabeler labeler,
      IntUnaryOperator levelSize) {}

  private static final Font LABEL_FONT = Font.font("Monospaced", 11);
  private static final Font GUTTER_FONT = Font.font("System", 11);

  /** Screen margin beyond the edges so half-visible boxes and their edges are drawn. */
  private static final double OVERSCAN = NodeGeometry.MAX_BOX;

  private int nodes;
  private int labels;
  private int bands;
  private int edges;

  public RenderStats paint(GraphicsContext g, Frame f) {
    long start = System.nanoTime();
    nodes = 0;
    labels = 0;
    bands = 0;
    edges = 0;
    Viewport vp = f.viewport();
    g.setFill(f.palette().background());
    g.fillRect(0, 0, vp.width(), vp.height());
    double minX = vp.worldX(Viewport.GUTTER - OVERSCAN);
    double maxX = vp.worldX(vp.width() + OVERSCAN);
    paintEdges(g, f, minX, maxX);
    if (!f.highlight().isEmpty()) {
      paintHighlightEdges(g, f);
    }
    for (int level = f.layout().levelCount() - 1; level >= 0; level--) {
      if (rowVisible(vp, level)) {
        paintRow(g, f, level, minX, maxX);
      }
    }
    if (!f.highlight().isEmpty()) {
      paintHighlightBoxes(g, f);
    }
    paintGutter(g, f);
    return new RenderStats(nodes, labels, bands, edges, System.nanoTime() - start);
  }

  private static boolean rowVisible(Viewport vp, int level) {
    double y = vp.screenY(level);
    return y > -NodeGeometry.LABELLED_HEIGHT && y < vp.height() + NodeGeometry.LABELLED_HEIGHT;
  }

  private void paintEdges(GraphicsContext g, Frame f, double minX, double maxX) {
    TreeLayout layout = f.layout();
    Viewport vp = f.viewport();
    g.setStroke(f.palette().edge());
    g.setLineWidth(1);
    g.beginPath();
    for (int level = 0; level < layout.levelCount() - 1; level++) {
      if (!NodeGeometry.drawEdges(layout.minGap(level) * vp.scale())
          || (!rowVisible(vp, level) && !rowVisible(vp, level + 1))) {
        continue;
      }
      IndexRange children = layout.range(level, minX, maxX);
      IndexRange parents = layout.range(level + 1, minX, maxX);
      // Parents of visible children may lie off screen, and vice versa: draw both sets' edges.
      int from = Integer.MAX_VALUE;
      int to = -1;
      if (!parents.isEmpty()) {
        from = parents.from();
        to = parents.to();
      }
      if (!children.isEmpty()) {
        from = Math.min(from, children.from() / 2);
        to = Math.max(to, children.to() / 2);
      }
      double childY = vp.screenY(level);
      double parentY = vp.screenY(level + 1);
      for (int parent = from; parent <= to; parent++) {
        if (!layout.contains(level + 1, parent)) {
          continue;
        }
        double px = vp.screenX(layout.x(level + 1, parent));
        for (int child = 2 * parent; child <= 2 * parent + 1; child++) {
          if (layout.contains(level, child)) {
            g.moveTo(px, parentY);
            g.lineTo(vp.screenX(layout.x(level, child)), childY);
            edges++;
          }
        }
      }
    }
    g.stroke();
  }

  private void paintRow(GraphicsContext g, Frame f, int level, double minX, double maxX) {
    TreeLayout layout = f.layout();
    Viewport vp = f.viewport();
    IndexRange range = layout.range(level, minX, maxX);
    if (range.isEmpty()) {
      return;
    }
    double gap = layout.minGap(level) * vp.scale();
    double y = vp.screenY(level);
    if (!NodeGeometry.drawNodes(gap)) {
      double x1 = vp.screenX(layout.x(level, range.from()));
      double x2 = vp.screenX(layout.x(level, range.to()));
      g.setFill(f.palette().band());
      g.fillRect(x1 - 1, y - 3, Math.max(2, x2 - x1 + 2), 6);
      bands++;
      return;
    }
    double w = NodeGeometry.boxWidth(gap);
    double h = NodeGeometry.boxHeight(gap);
    boolean label = NodeGeometry.showLabels(gap);
    if (label) {
      g.setFont(LABEL_FONT);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
    }
    g.setStroke(f.palette().nodeStroke());
    g.setLineWidth(1);
    for (int i = range.from(); i <= range.to(); i++) {
      NodeRole role = f.highlight().role(level, i);
      double x = vp.screenX(layout.x(level, i));
      box(g, f.palette(), role, x, y, w, h, w >= 6);
      if (label) {
        g.setFill(role == NodeRole.NONE ? f.palette().text() : f.palette().highlightText());
        g.fillText(f.labeler().label(level, i), x, y);
        labels++;
      }
    }
  }

  private void box(
      GraphicsContext g,
      MerklePalette palette,
      NodeRole role,
      double x,
      double y,
      double w,
      double h,
      boolean outline) {
    g.setFill(palette.fill(role));
    g.fillRect(x - w / 2, y - h / 2, w, h);
    if (outline) {
      g.strokeRect(x - w / 2 + 0.5, y - h / 2 + 0.5, w - 1, h - 1);
    }
    nodes++;
  }

  /** Path edges in their colours, under the boxes so labels stay readable. */
  private void paintHighlightEdges(GraphicsContext g, Frame f) {
    TreeLayout layout = f.layout();
    Viewport vp = f.viewport();
    ProofHighlight hl = f.highlight();
    MerklePalette palette = f.palette();
    g.setLineWidth(2.5);
    for (int level = 0; level < layout.levelCount() - 1; level++) {
      double parentX = vp.screenX(layout.x(level + 1, hl.pathIndex(level + 1)));
      double parentY = vp.screenY(level + 1);
      g.setStroke(palette.sibling());
      line(
          g,
          vp.screenX(layout.x(level, hl.siblingIndex(level))),
          vp.screenY(level),
          parentX,
          parentY);
      g.setStroke(palette.path());
      line(
          g, vp.screenX(layout.x(level, hl.pathIndex(level))), vp.screenY(level), parentX, parentY);
    }
    g.setLineWidth(1);
  }

  /** Path and sibling boxes on top, at least {@link NodeGeometry#HIGHLIGHT_MIN_BOX} wide. */
  private void paintHighlightBoxes(GraphicsContext g, Frame f) {
    TreeLayout layout = f.layout();
    Viewport vp = f.viewport();
    ProofHighlight hl = f.highlight();
    MerklePalette palette = f.palette();
    g.setStroke(palette.nodeStroke());
    for (int level = 0; level < layout.levelCount(); level++) {
      double gap = layout.minGap(level) * vp.scale();
      if (NodeGeometry.drawNodes(gap)
          && NodeGeometry.boxWidth(gap) >= NodeGeometry.HIGHLIGHT_MIN_BOX) {
        continue; // already drawn with its role colour by paintRow
      }
      double w = NodeGeometry.highlightWidth(gap);
      double h = NodeGeometry.highlightHeight(gap);
      double y = vp.screenY(level);
      int sibling = hl.siblingIndex(level);
      if (sibling >= 0 && sibling != hl.pathIndex(level)) {
        box(g, palette, NodeRole.SIBLING, vp.screenX(layout.x(level, sibling)), y, w, h, true);
      }
      int path = hl.pathIndex(level);
      box(g, palette, hl.role(level, path), vp.screenX(layout.x(level, path)), y, w, h, true);
    }
    paintSelfPairs(g, f);
  }

  /** A dashed sibling-coloured ring marks an odd last node hashed with itself. */
  private void paintSelfPairs(GraphicsContext g, Frame f) {
    Viewport vp = f.viewport();
    g.setStroke(f.palette().sibling());
    g.setLineWidth(2);
    g.setLineDashes(4, 3);
    for (int level = 0; level < f.layout().levelCount() - 1; level++) {
      if (f.highlight().selfPaired(level)) {
        double gap = f.layout().minGap(level) * vp.scale();
        double w = NodeGeometry.highlightWidth(gap) + 8;
        double h = NodeGeometry.highlightHeight(gap) + 8;
        double x = vp.screenX(f.layout().x(level, f.highlight().pathIndex(level)));
        g.strokeRect(x - w / 2, vp.screenY(level) - h / 2, w, h);
      }
    }
    g.setLineDashes();
    g.setLineWidth(1);
  }

  private void line(GraphicsContext g, double x1, double y1, double x2, double y2) {
    g.strokeLine(x1, y1, x2, y2);
    edges++;
  }

  private void paintGutter(GraphicsContext g, Frame f) {
    Viewport vp = f.viewport();
    g.setFill(f.palette().gutter());
    g.fillRect(0, 0, Viewport.GUTTER - 6, vp.height());
    g.setFont(GUTTER_FONT);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(f.palette().levelText());
    int top = f.layout().levelCount() - 1;
    for (int level = 0; level <= top; level++) {
      if (!rowVisible(vp, level)) {
        continue;
      }
      String name = level == top ? "root" : level == 0 ? "leaves" : "level " + level;
      int size = f.levelSize().applyAsInt(level);
      String count = level == top ? "" : " · " + String.format(Locale.ROOT, "%,d", size);
      g.fillText(name + count, 8, vp.screenY(level));
    }
  }

  /** Fill colour of a role in a palette; exposed for the legend and for pixel tests. */
  public static Color colorOf(MerklePalette palette, NodeRole role) {
    return palette.fill(role);
  }
}
