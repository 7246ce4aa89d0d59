package io.bridgescope.desktop.checkpoints;

import io.bridgescope.desktop.common.DetailBinding;
import io.bridgescope.desktop.common.MessageScreen;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.common.TreeListViewModel;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.merkle.MerkleTreePane;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.quorum.QuorumPanel;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

/** Binds the Checkpoints screen: list, exit tree and quorum detail. */
public final class CheckpointsView {

  private final TreeListViewModel<CheckpointRow> vm;
  private final Copyable copyable;
  private final FilePicker files;
  @FXML private javafx.scene.control.Label detailMessage;
  private final MerkleTreePane treePane;
  private final QuorumPanel quorumPanel;
  private final io.bridgescope.desktop.common.AuditFactsPane factsPane;
  @FXML private StackPane factsHost;
  @FXML private TableView<CheckpointRow> table;
  @FXML private Label detailTitle;
  @FXML private StackPane treeHost;
  @FXML private StackPane quorumHost;

  public CheckpointsView(TreeListViewModel<CheckpointRow> vm, Copyable copyable, FilePicker files) {
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
                Tables.text("Epoch", CheckpointRow::epoch),
                Tables.text("Child block", CheckpointRow::childBlock),
                Tables.text("Root block", CheckpointRow::blockNumber),
                Tables.hex("Exit root", CheckpointRow::eventRoot, copyable),
                Tables.text("Verdict", CheckpointRow::verdict)));
    Tables.bind(table, vm.table());
    treeHost.getChildren().setAll(treePane);
    quorumHost.getChildren().setAll(quorumPanel);
    DetailBinding.bind(vm.detail(), treePane, quorumPanel, factsPane);
    factsHost.getChildren().setAll(factsPane);
    detailTitle.textProperty().bind(vm.detail().titleProperty());
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
        "checkpoints",
        m -> {
          detailMessage.textProperty().unbind();
          detailMessage.setText(m);
        });
  }
}
