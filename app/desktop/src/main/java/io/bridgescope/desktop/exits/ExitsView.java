package io.bridgescope.desktop.exits;

import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.ports.ExitRow;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.TableView;

/** Binds the Exits screen. */
public final class ExitsView {

  private final ExitsViewModel vm;
  private final Copyable copyable;
  @FXML private TableView<ExitRow> table;

  public ExitsView(ExitsViewModel vm, Copyable copyable) {
    this.vm = vm;
    this.copyable = copyable;
  }

  @FXML
  private void initialize() {
    table
        .getColumns()
        .setAll(
            List.of(
                Tables.text("Exit id", ExitRow::exitId),
                Tables.text("Status", ExitRow::status),
                Tables.hex("Sender", ExitRow::sender, copyable),
                Tables.hex("Receiver", ExitRow::receiver, copyable),
                Tables.text("Amount", ExitRow::amount),
                Tables.text("Child block", ExitRow::childBlock),
                Tables.hex("Child tx", ExitRow::txHash, copyable)));
    Tables.bind(table, vm.table());
    vm.start();
  }
}
