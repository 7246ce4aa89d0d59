package io.bridgescope.desktop.merkle;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.desktop.merkle.TreeLayout.IndexRange;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.jspecify.annotations.Nullable;

/**
 * Mouse and keyboard for {@link MerkleTreeView}: wheel (with or without Ctrl) zooms at the pointer,
 * Shift+wheel and dragging pan, a click without drag selects the node under the pointer, arrows
 * move the leaf selection, +/- zoom and 0 fits.
 */
final class MerkleTreeInput {

  private static final double CLICK_SLOP = 4;

  private final MerkleTreeView view;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean dragged;

  MerkleTreeInput(MerkleTreeView view) {
    this.view = view;
  }

  void install() {
    view.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
    view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
    view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    view.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
  }

  private void onScroll(ScrollEvent e) {
    if (e.isShiftDown()) {
      view.pan(e.getDeltaX() + e.getDeltaY(), 0);
    } else if (e.getDeltaY() != 0) {
      view.zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX());
    }
    e.consume();
  }

  private void onPressed(MouseEvent e) {
    view.requestFocus();
    pressX = lastX = e.getX();
    pressY = lastY = e.getY();
    dragged = false;
  }

  private void onDragged(MouseEvent e) {
    if (Math.abs(e.getX() - pressX) > CLICK_SLOP || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
      dragged = true;
    }
    if (dragged) {
      view.pan(e.getX() - lastX, e.getY() - lastY);
    }
    lastX = e.getX();
    lastY = e.getY();
  }

  private void onReleased(MouseEvent e) {
    if (!dragged && e.getButton() == MouseButton.PRIMARY) {
      MerkleNodeRef hit = hitTest(view.treeLayout(), view.viewport(), e.getX(), e.getY());
      if (hit != null) {
        view.inspect(hit);
      }
    }
  }

  private void onKey(KeyEvent e) {
    int leaf = view.selectedLeafProperty().get();
    switch (e.getCode()) {
      case LEFT -> moveSelection(leaf < 0 ? 0 : leaf - 1);
      case RIGHT -> moveSelection(leaf + 1);
      case PLUS, ADD, EQUALS -> view.zoomIn();
      case MINUS, SUBTRACT -> view.zoomOut();
      case DIGIT0, NUMPAD0 -> view.fit();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void moveSelection(int leaf) {
    if (view.getTree() != null && leaf >= 0 && leaf < view.getTree().leafCount()) {
      view.selectLeaf(leaf);
    }
  }

  /** The drawn node whose box contains the point, or null. */
  static @Nullable MerkleNodeRef hitTest(
      @Nullable TreeLayout layout, Viewport vp, double x, double y) {
    if (layout == null) {
      return null;
    }
    int level = vp.nearestLevel(y);
    double gap = layout.minGap(level) * vp.scale();
    double halfW = NodeGeometry.highlightWidth(gap) / 2 + 2;
    double halfH = NodeGeometry.highlightHeight(gap) / 2 + 2;
    if (Math.abs(y - vp.screenY(level)) > halfH) {
      return null;
    }
    IndexRange near = layout.range(level, vp.worldX(x - halfW), vp.worldX(x + halfW));
    @Nullable MerkleNodeRef best = null;
    double bestDistance = Double.MAX_VALUE;
    for (int i = near.from(); i <= near.to(); i++) {
      double distance = Math.abs(vp.screenX(layout.x(level, i)) - x);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = new MerkleNodeRef(level, i);
      }
    }
    return best;
  }
}
