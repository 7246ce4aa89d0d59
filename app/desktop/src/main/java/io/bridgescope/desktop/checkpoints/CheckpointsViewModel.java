package io.bridgescope.desktop.checkpoints;

import io.bridgescope.desktop.common.ItemDetailViewModel;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Checkpoints screen: the list with verdicts and the detail of one checkpoint. */
public final class CheckpointsViewModel implements AutoCloseable {

  private final TableViewModel<CheckpointRow> table;
  private final ItemDetailViewModel detail;

  public CheckpointsViewModel(
      RowSource<CheckpointRow> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("checkpoints", source, tasks, coalescers);
    this.detail = new ItemDetailViewModel(tasks, "No checkpoint selected");
  }

  public TableViewModel<CheckpointRow> table() {
    return table;
  }

  public ItemDetailViewModel detail() {
    return detail;
  }

  public void start() {
    table.start();
  }

  @Override
  public void close() {
    table.close();
  }
}
