package io.bridgescope.desktop.exits;

import io.bridgescope.desktop.common.MessageDetailViewModel;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.ExitRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Exits screen: the paged table and the detail of the selected row. */
public final class ExitsViewModel implements AutoCloseable {

  private final TableViewModel<ExitRow> table;
  private final MessageDetailViewModel detail;
  private boolean closed;

  public ExitsViewModel(
      RowSource<ExitRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>("exits", source, tasks, coalescers);
    this.detail = new MessageDetailViewModel(tasks, details, false);
    table
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && (old == null || !now.exitId().equals(old.exitId()))) {
                detail.show(now.exitId());
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

  public TableViewModel<ExitRow> table() {
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
