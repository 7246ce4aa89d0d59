package io.bridgescope.desktop.deposits;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Deposits screen: the table of deposits. */
public final class DepositsViewModel implements AutoCloseable {

  private final TableViewModel<DepositRow> table;

  public DepositsViewModel(
      RowSource<DepositRow> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("deposits", source, tasks, coalescers);
  }

  public TableViewModel<DepositRow> table() {
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
