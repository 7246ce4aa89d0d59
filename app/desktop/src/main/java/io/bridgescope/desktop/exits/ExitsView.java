package io.bridgescope.desktop.exits;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.desktop.common.MessageCsv;
import io.bridgescope.desktop.common.MessageScreen;
import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.ports.ExitRow;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Binds the Exits screen: paged table, address filter, CSV export and the detail pane. */
public final class ExitsView {

  private final ExitsViewModel vm;
  private final Copyable copyable;
  private final FilePicker files;
  private final Consumer<String> openUrl;
  @FXML private TableView<ExitRow> table;
  @FXML private StackPane detailHost;
  @FXML private Label totalLabel;
  @FXML private HBox filterBox;
  @FXML private Label filterLabel;
  @FXML private HBox filterBar;
  @FXML private Label exportMessage;

  public ExitsView(
      ExitsViewModel vm, Copyable copyable, FilePicker files, Consumer<String> openUrl) {
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
                Tables.longText("Exit id", ExitRow::exitId, 64),
                Tables.longText("Status", ExitRow::status, 105),
                Tables.longText("Asset", (ExitRow r) -> r.asset().label(), 140),
                Tables.longText("Amount / ids", ExitRow::amount, 150),
                Tables.hex("Sender", ExitRow::sender, copyable),
                Tables.hex("Receiver", ExitRow::receiver, copyable),
                Tables.hex("Child tx", ExitRow::txHash, copyable)));
    MessageScreen.bind(
        new MessageScreen.Nodes<>(table, detailHost, totalLabel, filterBox, filterLabel, filterBar),
        vm,
        List.of(Stage.SENT, Stage.CHECKPOINTED, Stage.EXITED, Stage.FAILED, Stage.STUCK),
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
    MessageScreen.exportCsv(vm.table(), files, "exits", MessageCsv.EXITS, exportMessage::setText);
  }
}
