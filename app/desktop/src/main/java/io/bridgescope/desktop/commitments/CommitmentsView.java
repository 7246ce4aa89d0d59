package io.bridgescope.desktop.commitments;

import io.bridgescope.desktop.common.DetailBinding;
import io.bridgescope.desktop.common.ItemDetailViewModel;
import io.bridgescope.desktop.common.MessageScreen;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.common.TreeListViewModel;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.merkle.MerkleTreePane;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.quorum.QuorumPanel;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;

/** Binds the Commitments screen: list, Merkle inspector input, tree and quorum detail. */
public final class CommitmentsView {

  private final TreeListViewModel<CommitmentRow> vm;
  private final Copyable copyable;
  private final FilePicker files;
  @FXML private javafx.scene.control.Label detailMessage;
  private final MerkleTreePane treePane;
  private final QuorumPanel quorumPanel;
  private final io.bridgescope.desktop.common.AuditFactsPane factsPane;
  @FXML private StackPane factsHost;
  @FXML private TableView<CommitmentRow> table;
  @FXML private TextArea leavesInput;
  @FXML private Button buildButton;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private Label messageLabel;
  @FXML private Label detailTitle;
  @FXML private StackPane treeHost;
  @FXML private StackPane quorumHost;

  public CommitmentsView(TreeListViewModel<CommitmentRow> vm, Copyable copyable, FilePicker files) {
    this.vm = vm;
    this.files = files;
    this.copyable = copyable;
    this.treePane = new MerkleTreePane(copyable);
    this.quorumPanel = new QuorumPanel(copyable);
    this.factsPane = new io.bridgescope.desktop.common.AuditFactsPane(copyable);
  }

  @FXML
  private void initialize() {
    table
        .getColumns()
        .setAll(
            List.of(
                Tables.text("#", CommitmentRow::number),
                Tables.text("Ids", r -> r.startId() + "–" + r.endId()),
                Tables.hex("Root", CommitmentRow::root, copyable),
                Tables.text("Verdict", CommitmentRow::verdict)));
    Tables.bind(table, vm.table());
    ItemDetailViewModel detail = vm.detail();
    treeHost.getChildren().setAll(treePane);
    quorumHost.getChildren().setAll(quorumPanel);
    DetailBinding.bind(detail, treePane, quorumPanel, factsPane);
    factsHost.getChildren().setAll(factsPane);
    detailTitle.textProperty().bind(detail.titleProperty());
    messageLabel.textProperty().bind(detail.messageProperty());
    busyIndicator.visibleProperty().bind(detail.busyProperty());
    buildButton.disableProperty().bind(detail.busyProperty());
    detailMessage.textProperty().bind(vm.detail().messageProperty());
    vm.start();
  }

  @FXML
  private void exportEvidence() {
    files
        .saveFile("Export evidence bundle", "evidence.json", "JSON", "*.json")
        .ifPresent(
            f ->
                vm.exportEvidence(
                    f,
                    m -> {
                      detailMessage.textProperty().unbind();
                      detailMessage.setText(m);
                    }));
  }

  @FXML
  private void exportCsv() {
    MessageScreen.exportCsv(
        table,
        vm.table(),
        files,
        "commitments",
        m -> {
          detailMessage.textProperty().unbind();
          detailMessage.setText(m);
        });
  }

  @FXML
  private void buildTree() {
    vm.detail().inspectText(leavesInput.getText());
  }

  /** The tree pane, for tests and for arriving from a deposit with a leaf to select. */
  public MerkleTreePane treePane() {
    return treePane;
  }

  public io.bridgescope.desktop.common.AuditFactsPane factsPane() {
    return factsPane;
  }

  public QuorumPanel quorumPanel() {
    return quorumPanel;
  }
}
