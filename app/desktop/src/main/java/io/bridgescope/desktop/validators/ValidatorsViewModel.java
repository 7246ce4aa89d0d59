package io.bridgescope.desktop.validators;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.ports.ValidatorSetRow;

/** State of the Validators screen: the table of validators. */
public final class ValidatorsViewModel implements AutoCloseable {

  private final TableViewModel<ValidatorSetRow> table;

  public ValidatorsViewModel(
      RowSource<ValidatorSetRow> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.table =
        new TableViewModel<>(
            "validators", source, r -> r.epoch() + ":" + r.index(), tasks, coalescers);
  }

  public TableViewModel<ValidatorSetRow> table() {
    return table;
  }

  public void start() {
    table.start();
  }

  @Override
  public void close() {
    table.close();
  }
}
