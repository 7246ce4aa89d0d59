package io.bridgescope.desktop.commitments;

import io.bridgescope.desktop.common.ItemDetailViewModel;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Commitments screen: the list with verdicts and the detail of one commitment. */
public final class CommitmentsViewModel implements AutoCloseable {

  private final TableViewModel<CommitmentRow> table;
  private final ItemDetailViewModel detail;

  public CommitmentsViewModel(
      RowSource<CommitmentRow> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("commitments", source, tasks, coalescers);
    this.detail = new ItemDetailViewModel(tasks, "No commitment selected");
  }

  public TableViewModel<CommitmentRow> table() {
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
