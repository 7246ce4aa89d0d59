package io.bridgescope.desktop.deposits;

import io.bridgescope.desktop.common.MessageDetailViewModel;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Deposits screen: the paged table and the detail of the selected row. */
public final class DepositsViewModel implements AutoCloseable {

  private final TableViewModel<DepositRow> table;
  private final MessageDetailViewModel detail;
  private boolean closed;

  public DepositsViewModel(
      RowSource<DepositRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("deposits", source, tasks, coalescers);
    this.detail = new MessageDetailViewModel(tasks, details, true);
    table
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && (old == null || !now.stateSyncId().equals(old.stateSyncId()))) {
                detail.show(now.stateSyncId());
              }
            });
    // the shown item may have moved on; a closed screen's late reloads must not ask for work
    table
        .generationProperty()
        .addListener(
            (obs, old, now) -> {
              if (!closed) {
                detail.refresh();
              }
            });
  }

  public TableViewModel<DepositRow> table() {
    return table;
  }

  public MessageDetailViewModel detail() {
    return detail;
  }

  public void start() {
    table.start();
  }

  @Override
  public void close() {
    closed = true;
    table.close();
  }
}
