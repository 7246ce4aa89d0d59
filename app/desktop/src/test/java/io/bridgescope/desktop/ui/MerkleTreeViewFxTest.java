package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.merkle.MerkleNodeRef;
import io.bridgescope.crypto.merkle.MerkleProofPath;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.merkle.MerklePalette;
import io.bridgescope.desktop.merkle.MerkleTreePane;
import io.bridgescope.desktop.merkle.MerkleTreeView;
import io.bridgescope.desktop.merkle.NodeRole;
import io.bridgescope.desktop.merkle.RenderStats;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Leaves;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class MerkleTreeViewFxTest {

  private MerkleTreePane pane;
  private MerkleTreeView view;

  @Start
  void start(Stage stage) {
    pane = new MerkleTreePane(new Copyable(new RecordingClipboard()));
    view = pane.view();
    stage.setScene(new Scene(pane, 1100, 620));
    stage.show();
  }

  private void show(int leaves) {
    MerkleTree tree = MerkleTree.fromLeafHashes(Leaves.stateSyncs(leaves));
    Fx.run(() -> view.setTree(tree));
  }

  @Test
  void selectingALeafHighlightsExactlyItsPathAndSiblingsInModelAndPixels() {
    show(8);
    Fx.run(() -> view.selectLeaf(5));
    MerkleTree tree = view.getTree();
    MerkleProofPath proof = tree.proofPath(5);
    Set<MerkleNodeRef> expected = new HashSet<>(proof.path());
    expected.addAll(proof.siblings());

    WritableImage image = Screenshots.snapshot(view);
    Screenshots.write(image, "merkle-8-leaves-leaf5");
    Set<MerkleNodeRef> highlighted = new HashSet<>();
    for (int level = 0; level < tree.levelCount(); level++) {
      for (int i = 0; i < tree.levelSize(level); i++) {
        NodeRole role = view.roleOf(level, i);
        if (role != NodeRole.NONE) {
          highlighted.add(new MerkleNodeRef(level, i));
        }
        Point2D c = view.nodeCenter(level, i);
        // Sample inside the box, clear of the centred hash label and the 1 px outline.
        Color pixel = image.getPixelReader().getColor((int) c.getX() - 40, (int) c.getY() - 7);
        assertThat(close(pixel, MerklePalette.LIGHT.fill(role)))
            .as("pixel of node %d/%d (%s) is %s", level, i, role, pixel)
            .isTrue();
      }
    }
    assertThat(highlighted).isEqualTo(expected);
    assertThat(view.roleOf(0, 5)).isEqualTo(NodeRole.SELECTED_LEAF);
    assertThat(view.roleOf(0, 4)).isEqualTo(NodeRole.SIBLING);
    assertThat(view.roleOf(1, 2)).isEqualTo(NodeRole.PATH);
    assertThat(view.roleOf(1, 3)).isEqualTo(NodeRole.SIBLING);
    assertThat(view.roleOf(3, 0)).isEqualTo(NodeRole.ROOT);
    assertThat(view.lastStats().labels()).isEqualTo(15);
    Screenshots.save(pane, "merkle-pane-8-leaves-leaf5");
  }

  private static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 0.02
        && Math.abs(a.getGreen() - b.getGreen()) < 0.02
        && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
  }

  @Test
  void clickingALeafSelectsIt(FxRobot robot) {
    show(8);
    Point2D leaf3 = view.nodeCenter(0, 3);
    robot.clickOn(Fx.call(() -> view.localToScreen(leaf3)));
    assertThat(view.selectedLeafProperty().get()).isEqualTo(3);
    assertThat(view.roleOf(0, 2)).isEqualTo(NodeRole.SIBLING);
  }

  @Test
  void collapseToPathDrawsOnlyPathAndSiblings() {
    show(4096);
    Fx.run(() -> view.selectLeaf(2500));
    Fx.run(() -> view.collapsedToPathProperty().set(true));
    RenderStats stats = Fx.call(view::paintNow);
    // 13 path nodes + 12 siblings, each labelled
    assertThat(stats.nodes()).isEqualTo(25);
    assertThat(stats.labels()).isEqualTo(25);
    assertThat(view.nodeCenter(0, 2499)).isNull();
    assertThat(view.nodeCenter(0, 2501)).isNotNull(); // 2500 is even: its sibling is 2501
    Screenshots.save(pane, "merkle-4096-collapsed-leaf2500");
  }

  @Test
  void largeTreeDrawsOnlyVisibleNodes() {
    show(4096);
    Fx.run(() -> view.selectLeaf(2500));
    RenderStats fitted = Fx.call(view::paintNow);
    assertThat(fitted.bands()).isPositive(); // leaves too dense at fit: drawn as bands
    assertThat(fitted.nodes()).isLessThan(2 * 4096);
    Screenshots.save(pane, "merkle-4096-fit-leaf2500");

    Fx.run(view::zoomToLabels);
    RenderStats zoomed = Fx.call(view::paintNow);
    assertThat(zoomed.labels()).isPositive();
    assertThat(zoomed.nodes()).isLessThan(120); // culled: a few dozen of 8,191 nodes
    assertThat(view.roleOf(0, 2500)).isEqualTo(NodeRole.SELECTED_LEAF);
    Screenshots.save(pane, "merkle-4096-zoomed-leaf2500");
  }
}
