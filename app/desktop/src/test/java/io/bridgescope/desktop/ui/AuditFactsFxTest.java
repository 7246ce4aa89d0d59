package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.common.AuditFactsPane;
import io.bridgescope.desktop.merkle.MerkleTreeView;
import io.bridgescope.desktop.ports.AuditFacts;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.TreeDetail;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.quorum.BlsVerdict;
import io.bridgescope.desktop.quorum.ValidatorEntry;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Leaves;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Commitments detail pane at 1280x800 on a root mismatch (issue 16 item 6): the verdict wraps
 * and is never cut, the committed and rebuilt roots are labelled side by side, the root node is
 * marked on the tree, the held leaves are named, and the transaction, the bitmap with who signed
 * and the aggregate signature each have a Copy button that copies the full value.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class AuditFactsFxTest {

  private static final String LONG_VERDICT =
      "root mismatch: the root rebuilt from the 5 indexed state syncs 1..5 is not the root the"
          + " validators committed in the commit transaction; the index holds every leaf of the"
          + " commitment, so a leaf was indexed with different contents or the committed root is"
          + " not the tree of these state syncs";

  private final RecordingClipboard clipboard = new RecordingClipboard();
  private AppContext context;
  private Parent root;
  private final List<byte[]> leaves = Leaves.stateSyncs(5);
  private final Hash32 committed = Hash32.of("0x" + "ab".repeat(32));
  private final Hash32 tx = Hash32.of("0x" + "cd".repeat(32));
  private final String signature = "0x" + "ef".repeat(64);
  private final List<ValidatorEntry> set =
      IntStream.range(0, 4)
          .mapToObj(i -> new ValidatorEntry(Address.ofLow(0xA1 + i), BigInteger.valueOf(100)))
          .toList();
  private final byte[] bitmap = ValidatorBitmap.encode(List.of(0, 1, 3));

  @Start
  void start(Stage stage) {
    MerkleTree tree = MerkleTree.fromLeafHashes(leaves);
    AuditFacts facts =
        new AuditFacts(
            LONG_VERDICT,
            "commit transaction",
            tx,
            committed,
            Optional.of(new Hash32(tree.root())),
            5,
            5,
            "ids 1–5",
            "0x" + HexFormat.of().formatHex(bitmap),
            List.of(set.get(0).address(), set.get(1).address(), set.get(3).address()),
            signature);
    TreeDetail detail =
        new TreeDetail(
            "Commitment of state syncs 1–5",
            Optional.of(tree),
            List.of(
                BigInteger.ONE,
                BigInteger.TWO,
                BigInteger.valueOf(3),
                BigInteger.valueOf(4),
                BigInteger.valueOf(5)),
            -1,
            "genesis set",
            set,
            bitmap,
            new BlsVerdict(BlsVerdict.Status.FAILED, LONG_VERDICT, "BN254 (Edge)"),
            "",
            Optional.of(facts));
    DetailSource details =
        new DetailSource() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public Optional<MessageDetail> deposit(BigInteger id) {
            return Optional.empty();
          }

          @Override
          public Optional<MessageDetail> exit(BigInteger id) {
            return Optional.empty();
          }

          @Override
          public Optional<TreeDetail> tree(
              boolean commitment, String key, Optional<BigInteger> leafId) {
            return commitment && key.equals("1") ? Optional.of(detail) : Optional.empty();
          }

          @Override
          public String evidence(boolean commitment, String key) {
            throw new IllegalStateException("not asked in this test");
          }

          @Override
          public Optional<String> explorerUrl(boolean rootChain, String txHash) {
            return Optional.empty();
          }
        };
    UiPorts n = UiPorts.notConnected();
    UiPorts ports =
        new UiPorts(
            n.status(),
            n.search(),
            n.overview(),
            n.deposits(),
            n.exits(),
            n.commitments(),
            n.checkpoints(),
            n.validators(),
            details);
    context =
        new AppContext(
            AppWiring.of(ports, Platform::runLater, () -> stage).withClipboard(clipboard));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.main().navigate(Screen.COMMITMENTS);
  }

  @AfterEach
  void close() {
    context.close();
  }

  private AuditFactsPane facts() {
    return (AuditFactsPane) root.lookup(".audit-facts");
  }

  @Test
  void aRootMismatchShowsBothRootsMarksTheRootAndOffersCopyForEveryValue(FxRobot robot) {
    Fx.run(() -> context.commitments().showLeaf("1", BigInteger.valueOf(3)));
    Fx.waitUntil(() -> facts() != null && facts().isVisible() && facts().shown() != null);
    Fx.run(() -> root.applyCss());
    Fx.run(() -> root.layout());
    AuditFactsPane pane = facts();
    MerkleTreeView tree = (MerkleTreeView) root.lookup(".merkle-tree-view");
    assertThat(tree.rootMismatchProperty().get()).as("the root node is marked").isTrue();
    String rebuilt = new Hash32(MerkleTree.fromLeafHashes(leaves).root()).toString();

    List<String> names = new ArrayList<>();
    for (Node n : pane.grid().getChildren()) {
      if (n instanceof Label l) {
        names.add(l.getText());
      }
    }
    assertThat(names)
        .containsExactly(
            "Committed root (on chain)",
            "Rebuilt root (from the 5 leaves held)",
            "Commit transaction",
            "Signer bitmap",
            "Aggregate signature");
    // side by side: the two roots are consecutive rows of one grid, labels left of values
    assertThat(pane.rootsVerdictLabel().getText()).startsWith("Root mismatch");
    assertThat(pane.leavesLabel().getText()).isEqualTo("Leaves the index holds: ids 1–5 (5 of 5)");
    assertThat(pane.signersLabel().getText())
        .contains("Signed by 3:", set.get(0).address().toString(), set.get(3).address().toString())
        .doesNotContain(set.get(2).address().toString());

    // every Copy button copies the full value, in grid order
    List<Button> copies =
        pane.grid().getChildren().stream()
            .flatMap(
                n ->
                    n instanceof Parent p
                        ? p.getChildrenUnmodifiable().stream()
                        : java.util.stream.Stream.<Node>empty())
            .filter(b -> b instanceof Button)
            .map(b -> (Button) b)
            .toList();
    assertThat(copies).hasSize(5);
    for (Button b : copies) {
      robot.clickOn(b);
    }
    assertThat(clipboard.copied)
        .containsExactly(
            committed.toString(),
            rebuilt,
            tx.toString(),
            "0x" + HexFormat.of().formatHex(bitmap),
            signature);

    // the verdict is whole: wrapped onto lines that all fit, with the same text as a tooltip
    assertThat(notCut(pane.verdictLabel())).isTrue();
    assertThat(pane.verdictLabel().getTooltip().getText()).contains(LONG_VERDICT);
    Label quorumVerdict = (Label) root.lookup(".quorum-panel .verdict");
    assertThat(quorumVerdict.getText()).isEqualTo(LONG_VERDICT);
    assertThat(notCut(quorumVerdict)).as("the quorum panel's verdict is not cut").isTrue();
    assertThat(quorumVerdict.getTooltip().getText()).isEqualTo(LONG_VERDICT);
    Screenshots.save(root, "commitments-root-mismatch-audit-facts");

    // the inspector's own trees have no audit facts: the pane and the mark go away
    Fx.run(
        () -> context.commitments().detail().inspectLeaves(Leaves.stateSyncs(3), "three leaves"));
    Fx.waitUntil(() -> !facts().isVisible());
    assertThat(tree.rootMismatchProperty().get()).isFalse();
  }

  /** A label shows its whole text: no ellipsis in the drawn text, and every line fits. */
  static boolean notCut(Labeled l) {
    Text drawn = (Text) l.lookup(".text");
    return drawn != null
        && drawn.getText().equals(l.getText())
        && l.getHeight() + 0.5 >= l.prefHeight(l.getWidth());
  }
}
