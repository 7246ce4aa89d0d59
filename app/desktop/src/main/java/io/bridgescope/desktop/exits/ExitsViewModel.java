package io.bridgescope.desktop.exits;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.ExitRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Exits screen: the table of exits. */
public final class ExitsViewModel implements AutoCloseable {

  private final TableViewModel<ExitRow> table;

  public ExitsViewModel(
      RowSource<ExitRow> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("exits", source, tasks, coalescers);
  }

  public TableViewModel<ExitRow> table() {
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
