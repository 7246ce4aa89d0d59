package io.bridgescope.desktop.validators;

import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.ports.ValidatorSetRow;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.TableView;

/** Binds the Validators screen. */
public final class ValidatorsView {

  private final ValidatorsViewModel vm;
  private final Copyable copyable;
  @FXML private TableView<ValidatorSetRow> table;

  public ValidatorsView(ValidatorsViewModel vm, Copyable copyable) {
    this.vm = vm;
    this.copyable = copyable;
  }

  @FXML
  private void initialize() {
    table
        .getColumns()
        .setAll(
            List.of(
                Tables.text("Epoch", ValidatorSetRow::epoch),
                Tables.text("#", ValidatorSetRow::index),
                Tables.hex("Address", ValidatorSetRow::address, copyable),
                Tables.text(
                    "Voting power", r -> String.format(Locale.ROOT, "%,d", r.votingPower())),
                Tables.text("Share", r -> String.format(Locale.ROOT, "%.2f %%", r.sharePercent())),
                Tables.text(
                    "Signed",
                    r ->
                        String.format(
                            Locale.ROOT, "%.0f %% of checkpoints", r.participation() * 100))));
    Tables.bind(table, vm.table());
    vm.start();
  }
}
