package io.bridgescope.desktop.deposits;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.desktop.common.MessageCsv;
import io.bridgescope.desktop.common.MessageScreen;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Binds the Deposits screen: paged table, address filter, CSV export and the detail pane. */
public final class DepositsView {

  private final DepositsViewModel vm;
  private final Copyable copyable;
  private final FilePicker files;
  private final Consumer<String> openUrl;
  @FXML private TableView<DepositRow> table;
  @FXML private StackPane detailHost;
  @FXML private Label totalLabel;
  @FXML private HBox filterBox;
  @FXML private Label filterLabel;
  @FXML private HBox filterBar;
  @FXML private Label exportMessage;

  public DepositsView(
      DepositsViewModel vm, Copyable copyable, FilePicker files, Consumer<String> openUrl) {
    this.vm = vm;
    this.copyable = copyable;
    this.files = files;
    this.openUrl = openUrl;
  }

  @FXML
  private void initialize() {
    table
        .getColumns()
        .setAll(
            List.of(
                Tables.longText("State-sync id", DepositRow::stateSyncId, 112),
                Tables.longText("Status", DepositRow::status, 90),
                Tables.longText("Asset", (DepositRow r) -> r.asset().label(), 130),
                Tables.longText("Amount / ids", DepositRow::amount, 130),
                Tables.hex("Sender", DepositRow::sender, copyable),
                Tables.hex("Receiver", DepositRow::receiver, copyable),
                Tables.hex("Root tx", DepositRow::txHash, copyable)));
    MessageScreen.bind(
        new MessageScreen.Nodes<>(table, detailHost, totalLabel, filterBox, filterLabel, filterBar),
        vm,
        List.of(Stage.SENT, Stage.COMMITTED, Stage.EXECUTED, Stage.FAILED, Stage.STUCK),
        copyable,
        openUrl);
    vm.start();
  }

  @FXML
  private void clearFilter() {
    vm.table().clearFilter();
  }

  @FXML
  private void exportCsv() {
    MessageScreen.exportCsv(
        vm.table(), files, "deposits", MessageCsv.DEPOSITS, exportMessage::setText);
  }
}
