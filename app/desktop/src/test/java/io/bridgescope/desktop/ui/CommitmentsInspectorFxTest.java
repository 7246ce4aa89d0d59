package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.merkle.MerkleTreeView;
import io.bridgescope.desktop.merkle.NodeRole;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.quorum.ValidatorEntry;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Leaves;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class CommitmentsInspectorFxTest {

  private AppContext context;
  private Parent root;
  private final RecordingClipboard clipboard = new RecordingClipboard();

  @Start
  void start(Stage stage) {
    context =
        new AppContext(
            AppWiring.of(UiPorts.notConnected(), Platform::runLater, () -> stage)
                .withClipboard(clipboard));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.main().navigate(Screen.COMMITMENTS);
  }

  @AfterEach
  void close() {
    context.close();
  }

  private MerkleTreeView treeView() {
    return (MerkleTreeView) root.lookup(".merkle-tree-view");
  }

  @Test
  void rendersRealKeccakLeavesSuppliedThroughTheViewModel() {
    List<byte[]> leaves = Leaves.stateSyncs(24);
    List<ValidatorEntry> validators =
        List.of(
            new ValidatorEntry(Address.ofLow(0xA1), BigInteger.valueOf(100)),
            new ValidatorEntry(Address.ofLow(0xA2), BigInteger.valueOf(100)),
            new ValidatorEntry(Address.ofLow(0xA3), BigInteger.valueOf(100)),
            new ValidatorEntry(Address.ofLow(0xA4), BigInteger.valueOf(100)));
    Fx.run(
        () -> {
          context
              .commitments()
              .detail()
              .inspectLeaves(leaves, "24 state-sync leaves built by a test with BridgeLeaves");
          context
              .commitments()
              .detail()
              .inspectQuorum(validators, ValidatorBitmap.encode(List.of(0, 1, 3)));
        });
    Fx.waitUntil(() -> treeView().getTree() != null);
    MerkleTree tree = treeView().getTree();
    assertThat(tree.root()).isEqualTo(MerkleTree.fromLeafHashes(leaves).root());
    Fx.run(() -> treeView().selectLeaf(13));
    assertThat(treeView().roleOf(0, 12)).isEqualTo(NodeRole.SIBLING);
    Label title = (Label) root.lookup(".split-side .section-title");
    assertThat(title.getText()).contains("Merkle inspector", "built by a test");
    Screenshots.save(root, "commitments-inspector-24-leaves");
    Fx.run(() -> treeView().zoomToLabels());
    Screenshots.save(root, "commitments-inspector-24-leaves-zoomed");
  }

  @Test
  void pastedLeafHashesBuildATreeFromTheUi(FxRobot robot) {
    String text =
        Leaves.stateSyncs(5).stream()
            .map(b -> "0x" + HexFormat.of().formatHex(b))
            .collect(Collectors.joining("\n"));
    TextArea input = robot.lookup(".text-area").queryAs(TextArea.class);
    Fx.run(() -> input.setText(text));
    robot.clickOn("Build tree");
    Fx.waitUntil(() -> treeView().getTree() != null);
    assertThat(treeView().getTree().leafCount()).isEqualTo(5);
    Fx.run(() -> treeView().selectLeaf(4));
    Screenshots.save(root, "commitments-inspector-pasted-5-leaves");

    Fx.run(() -> input.setText("0xnot-a-hash"));
    robot.clickOn("Build tree");
    Label message = robot.lookup(".message").queryAs(Label.class);
    Fx.waitUntil(() -> message.getText().contains("Line 1"));
    assertThat(treeView().getTree().leafCount()).isEqualTo(5);
  }
}
