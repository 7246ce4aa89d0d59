package io.bridgescope.desktop.merkle;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.widgets.Copyable;
import io.bridgescope.desktop.widgets.ShortHex;
import java.util.HexFormat;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.jspecify.annotations.Nullable;

/**
 * {@link MerkleTreeView} with its toolbar (zoom, fit, collapse, go to leaf), legend and details.
 */
public final class MerkleTreePane extends VBox {

  private final MerkleTreeView view = new MerkleTreeView();
  private final Label summary = new Label();
  private final Label detail = new Label("Click a leaf, or type its index, to see its proof.");
  private final HBox detailRow = new HBox(8);
  private final TextField leafField = new TextField();
  private final Copyable copyable;

  public MerkleTreePane(Copyable copyable) {
    this.copyable = copyable;
    getStyleClass().add("merkle-pane");
    setSpacing(6);
    VBox.setVgrow(view, Priority.ALWAYS);
    detailRow.setAlignment(Pos.CENTER_LEFT);
    detailRow.getChildren().add(detail);
    getChildren().addAll(toolbar(), view, legend(), detailRow);
    view.treeProperty().addListener((obs, old, now) -> onTree(now));
    view.inspectedNodeProperty().addListener((obs, old, now) -> showNode(now));
    onTree(null);
  }

  public MerkleTreeView view() {
    return view;
  }

  public void setTree(MerkleTree tree) {
    view.setTree(tree);
  }

  private HBox toolbar() {
    Button out = button("−", "Zoom out (−)", view::zoomOut);
    Button in = button("+", "Zoom in (+, mouse wheel)", view::zoomIn);
    Button fit = button("Fit", "Show the whole tree (0)", view::fit);
    Button labels = button("Hashes", "Zoom until node hashes are readable", view::zoomToLabels);
    ToggleButton collapse = new ToggleButton("Collapse to path");
    collapse.setTooltip(new Tooltip("Show only the selected leaf's path and its siblings"));
    collapse.selectedProperty().bindBidirectional(view.collapsedToPathProperty());
    collapse.disableProperty().bind(view.selectedLeafProperty().lessThan(0));
    leafField.setPromptText("leaf #");
    leafField.setPrefColumnCount(6);
    leafField.setOnAction(e -> goToLeaf());
    Button go = button("Show proof", "Select the leaf with this index", this::goToLeaf);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    summary.getStyleClass().add("muted");
    summary.setMinWidth(0); // the summary gives way before any button is cut short
    for (var control : java.util.List.of(out, in, fit, labels, collapse, go)) {
      control.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(6, out, in, fit, labels, collapse, leafField, go, spacer, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("tool-bar-row");
    bar.disableProperty().bind(Bindings.isNull(view.treeProperty()));
    return bar;
  }

  private static Button button(String text, String tip, Runnable action) {
    Button b = new Button(text);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private HBox legend() {
    HBox legend = new HBox(14);
    legend.getStyleClass().add("legend");
    legend.setPadding(new Insets(0, 4, 0, 4));
    MerklePalette p = MerklePalette.LIGHT;
    legend
        .getChildren()
        .addAll(
            swatch(p.selectedLeaf(), "Selected leaf"),
            swatch(p.path(), "Proof path"),
            swatch(p.sibling(), "Siblings (the proof elements)"),
            swatch(p.root(), "Root"));
    return legend;
  }

  private static Node swatch(Color color, String text) {
    Rectangle r = new Rectangle(12, 12, color);
    r.setStroke(Color.gray(0.4));
    Label l = new Label(text, r);
    l.getStyleClass().add("legend-item");
    return l;
  }

  private void goToLeaf() {
    MerkleTree tree = view.getTree();
    String text = leafField.getText().strip();
    try {
      int leaf = Integer.parseInt(text);
      if (tree == null || leaf < 0 || leaf >= tree.leafCount()) {
        detail.setText(
            "Leaf "
                + text
                + " does not exist; this tree has leaves 0 to "
                + (count(tree) - 1)
                + ".");
        detailRow.getChildren().setAll(detail);
        return;
      }
      view.selectLeaf(leaf);
      view.requestFocus();
    } catch (NumberFormatException e) {
      detail.setText("'" + text + "' is not a leaf index (a whole number).");
      detailRow.getChildren().setAll(detail);
    }
  }

  private static int count(MerkleTree tree) {
    return tree == null ? 0 : tree.leafCount();
  }

  private void onTree(@Nullable MerkleTree tree) {
    if (tree == null) {
      summary.setText("No tree");
      detail.setText("No tree loaded.");
    } else {
      summary.setText(
          String.format(
              Locale.ROOT,
              "%,d leaves · %d levels · root %s",
              tree.leafCount(),
              tree.levelCount(),
              ShortHex.of(tree.root())));
      detail.setText("Click a leaf, or type its index, to see its proof.");
    }
    detailRow.getChildren().setAll(detail);
  }

  private static String describe(NodeRole role) {
    return switch (role) {
      case SELECTED_LEAF -> "this is the selected leaf";
      case PATH -> "this node is on the proof path";
      case SIBLING -> "this node is a proof element (sibling)";
      case ROOT -> "the proof must reach this root";
      case NONE -> "this node is not part of the proof";
    };
  }

  private void showNode(MerkleNodeRef ref) {
    MerkleTree tree = view.getTree();
    if (ref == null || tree == null) {
      return;
    }
    String hash = "0x" + HexFormat.of().formatHex(tree.node(ref.level(), ref.index()));
    String where =
        ref.level() == 0
            ? "Leaf " + ref.index()
            : ref.level() == tree.levelCount() - 1
                ? "Root"
                : "Level " + ref.level() + ", node " + ref.index();
    int selected = view.selectedLeafProperty().get();
    String proof =
        selected >= 0
            ? String.format(
                Locale.ROOT,
                "Proof of leaf %d: %d siblings; %s",
                selected,
                tree.levelCount() - 1,
                describe(view.roleOf(ref.level(), ref.index())))
            : "";
    detail.setText(where + ":");
    detailRow.getChildren().setAll(detail, copyable.label(hash), new Label(proof));
  }
}
