package io.bridgescope.desktop.deposits;

import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.TableView;

/** Binds the Deposits screen. */
public final class DepositsView {

  private final DepositsViewModel vm;
  private final Copyable copyable;
  @FXML private TableView<DepositRow> table;

  public DepositsView(DepositsViewModel vm, Copyable copyable) {
    this.vm = vm;
    this.copyable = copyable;
  }

  @FXML
  private void initialize() {
    table
        .getColumns()
        .setAll(
            List.of(
                Tables.text("State-sync id", DepositRow::stateSyncId),
                Tables.text("Status", DepositRow::status),
                Tables.hex("Sender", DepositRow::sender, copyable),
                Tables.hex("Receiver", DepositRow::receiver, copyable),
                Tables.text("Amount", DepositRow::amount),
                Tables.hex("Root tx", DepositRow::txHash, copyable)));
    Tables.bind(table, vm.table());
    vm.start();
  }
}
