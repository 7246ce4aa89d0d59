package io.bridgescope.desktop.merkle;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.widgets.ShortHex;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.jspecify.annotations.Nullable;

/**
 * A Merkle tree drawn on a canvas: every level (leaves at the bottom), short hash labels when
 * zoomed in, bands when too dense, and the proof of a selected leaf highlighted (path, siblings,
 * root). Zoom with the wheel or {@link #zoomIn()}, pan by dragging, click a leaf to select it.
 * Layout ({@link TreeLayout}, {@link Viewport}) and painting ({@link MerkleRenderer}) live in their
 * own classes; this class only holds state and turns input into calls.
 */
public final class MerkleTreeView extends Region {

  private final Canvas canvas = new Canvas();
  private final Viewport viewport = new Viewport();
  private final MerkleRenderer renderer = new MerkleRenderer();
  private final ObjectProperty<MerkleTree> tree = new SimpleObjectProperty<>(this, "tree");
  private final BooleanProperty collapsedToPath = new SimpleBooleanProperty(this, "collapsed");
  private final ReadOnlyIntegerWrapper selectedLeaf = new ReadOnlyIntegerWrapper(this, "leaf", -1);
  private final ReadOnlyObjectWrapper<MerkleNodeRef> inspectedNode =
      new ReadOnlyObjectWrapper<>(this, "inspectedNode");
  private final ListChangeListener<String> themeListener = c -> requestPaint();

  private @Nullable TreeLayout layout;
  private ProofHighlight highlight = ProofHighlight.NONE;
  private RenderStats lastStats = RenderStats.NONE;
  private boolean fitPending = true;

  /** True until the user zooms or pans: then resizing refits instead of keeping the view. */
  private boolean autoFit = true;

  private boolean paintPending;
  private @Nullable Parent themedRoot;

  public MerkleTreeView() {
    getStyleClass().add("merkle-tree-view");
    getChildren().add(canvas);
    setFocusTraversable(true);
    setMinSize(200, 120);
    tree.addListener((obs, old, now) -> onTreeChanged(now));
    collapsedToPath.addListener((obs, old, now) -> applyLayout(true));
    sceneProperty().addListener((obs, old, now) -> watchTheme(now));
    new MerkleTreeInput(this).install();
  }

  // ---- public API ----

  public ObjectProperty<MerkleTree> treeProperty() {
    return tree;
  }

  public MerkleTree getTree() {
    return tree.get();
  }

  public void setTree(MerkleTree value) {
    tree.set(value);
  }

  /** When on and a leaf is selected, only its path and the siblings are drawn. */
  public BooleanProperty collapsedToPathProperty() {
    return collapsedToPath;
  }

  /** The selected leaf index, or -1. */
  public ReadOnlyIntegerProperty selectedLeafProperty() {
    return selectedLeaf.getReadOnlyProperty();
  }

  /** The node last clicked (any level), for showing its full hash. */
  public ReadOnlyObjectProperty<MerkleNodeRef> inspectedNodeProperty() {
    return inspectedNode.getReadOnlyProperty();
  }

  /** Selects a leaf, highlights its proof and scrolls it into view. */
  public void selectLeaf(int index) {
    MerkleTree t = tree.get();
    if (t == null) {
      throw new IllegalStateException("no tree to select a leaf in");
    }
    highlight = ProofHighlight.of(t.proofPath(index));
    selectedLeaf.set(index);
    inspectedNode.set(new MerkleNodeRef(0, index));
    applyLayout(collapsedToPath.get());
    if (!collapsedToPath.get() && !viewport.isVisible(index)) {
      viewport.centerOn(index);
    }
    requestPaint();
  }

  public void clearSelection() {
    highlight = ProofHighlight.NONE;
    selectedLeaf.set(-1);
    applyLayout(true);
    requestPaint();
  }

  /** The role the current selection gives a node; NONE without a selection. */
  public NodeRole roleOf(int level, int index) {
    return highlight.role(level, index);
  }

  public ProofHighlight highlight() {
    return highlight;
  }

  public void zoomIn() {
    zoomAt(1.6, center());
  }

  public void zoomOut() {
    zoomAt(1 / 1.6, center());
  }

  /** Zooms in until hashes are labelled, around the selected leaf (or the centre). */
  public void zoomToLabels() {
    int leaf = selectedLeaf.get();
    autoFit = false;
    viewport.zoomTo(NodeGeometry.LABEL_MIN_WIDTH / 0.86 + 8, center());
    if (leaf >= 0 && layout instanceof FullTreeLayout) {
      viewport.centerOn(leaf);
    }
    requestPaint();
  }

  public void fit() {
    autoFit = true;
    if (layout != null) {
      viewport.fit(layout.minX(), layout.maxX());
    }
    requestPaint();
  }

  /** Screen position of a node's centre in this control, or null if the layout does not draw it. */
  public @Nullable Point2D nodeCenter(int level, int index) {
    if (layout == null || !layout.contains(level, index)) {
      return null;
    }
    return new Point2D(viewport.screenX(layout.x(level, index)), viewport.screenY(level));
  }

  /** What the last frame drew. */
  public RenderStats lastStats() {
    return lastStats;
  }

  /** Paints now, on the calling (FX) thread; the frame-time probe uses this. */
  public RenderStats paintNow() {
    paintPending = false;
    GraphicsContext g = canvas.getGraphicsContext2D();
    MerklePalette palette = palette();
    viewport.setSize(canvas.getWidth(), canvas.getHeight());
    if (tree.get() == null || layout == null) {
      paintEmpty(g, palette);
      lastStats = RenderStats.NONE;
      return lastStats;
    }
    MerkleTree t = tree.get();
    MerkleRenderer.Frame frame =
        new MerkleRenderer.Frame(
            layout,
            viewport,
            highlight,
            palette,
            (level, index) -> ShortHex.of(t.node(level, index)),
            t::levelSize);
    lastStats = renderer.paint(g, frame);
    if (rootMismatch.get()) {
      markRootMismatch(g, t);
    }
    return lastStats;
  }

  private final javafx.beans.property.BooleanProperty rootMismatch =
      new javafx.beans.property.SimpleBooleanProperty(this, "rootMismatch", false);

  {
    rootMismatch.addListener((obs, old, now) -> requestPaint());
  }

  /**
   * Whether the root drawn (rebuilt from the leaves shown) differs from the root committed on
   * chain: the root node is then ringed in red and labelled.
   */
  public javafx.beans.property.BooleanProperty rootMismatchProperty() {
    return rootMismatch;
  }

  private void markRootMismatch(GraphicsContext g, MerkleTree t) {
    Point2D c = nodeCenter(t.levelCount() - 1, 0);
    if (c == null) {
      return;
    }
    g.setStroke(javafx.scene.paint.Color.web("#d32f2f"));
    g.setLineWidth(3);
    g.strokeOval(c.getX() - 18, c.getY() - 18, 36, 36);
    g.setLineWidth(1);
    g.setFill(javafx.scene.paint.Color.web("#d32f2f"));
    g.fillText("rebuilt root ≠ committed root", c.getX() + 22, c.getY() + 4);
  }

  // ---- package API for the input handler ----

  Viewport viewport() {
    return viewport;
  }

  @Nullable TreeLayout treeLayout() {
    return layout;
  }

  void zoomAt(double factor, double screenX) {
    autoFit = false;
    viewport.zoomAt(factor, screenX);
    requestPaint();
  }

  void pan(double dx, double dy) {
    autoFit = false;
    viewport.pan(dx, dy);
    requestPaint();
  }

  void inspect(MerkleNodeRef ref) {
    if (ref.level() == 0) {
      selectLeaf(ref.index());
    } else {
      inspectedNode.set(ref);
    }
  }

  void requestPaint() {
    if (!paintPending) {
      paintPending = true;
      Platform.runLater(this::paintNow);
    }
  }

  // ---- internals ----

  private double center() {
    return Viewport.GUTTER + (getWidth() - Viewport.GUTTER) / 2;
  }

  private void onTreeChanged(MerkleTree now) {
    highlight = ProofHighlight.NONE;
    selectedLeaf.set(-1);
    inspectedNode.set(null);
    applyLayout(true);
  }

  private void applyLayout(boolean refit) {
    MerkleTree t = tree.get();
    if (t == null) {
      layout = null;
    } else if (collapsedToPath.get() && highlight.proof().isPresent()) {
      layout = new PathLayout(highlight.proof().get());
    } else {
      layout = FullTreeLayout.forLeaves(t.leafCount());
    }
    viewport.setLevelCount(layout == null ? 1 : layout.levelCount());
    if (refit) {
      fitPending = true;
      autoFit = true;
      requestLayout();
    }
    requestPaint();
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      viewport.setSize(w, h);
      fitPending |= autoFit;
      requestPaint();
    }
    if (fitPending && w > 1 && layout != null) {
      fitPending = false;
      viewport.fit(layout.minX(), layout.maxX());
      requestPaint();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 640;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 420;
  }

  private MerklePalette palette() {
    Scene scene = getScene();
    boolean dark =
        scene != null
            && scene.getRoot() != null
            && scene.getRoot().getStyleClass().contains("theme-dark");
    return dark ? MerklePalette.DARK : MerklePalette.LIGHT;
  }

  private void watchTheme(Scene scene) {
    if (themedRoot != null) {
      themedRoot.getStyleClass().removeListener(themeListener);
      themedRoot = null;
    }
    if (scene != null && scene.getRoot() != null) {
      themedRoot = scene.getRoot();
      themedRoot.getStyleClass().addListener(themeListener);
    }
    requestPaint();
  }

  private void paintEmpty(GraphicsContext g, MerklePalette palette) {
    g.setFill(palette.background());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.setFill(palette.levelText());
    g.setFont(Font.font("System", 13));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("No tree loaded", canvas.getWidth() / 2, canvas.getHeight() / 2);
  }
}
