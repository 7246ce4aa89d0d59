package io.bridgescope.desktop.common;

import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.RowSource;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * State of a message screen (deposits or exits): the paged table and the detail of the selected
 * row, which follows the selection and refreshes when the table reloads.
 */
public abstract class MessageListViewModel<R> implements AutoCloseable {

  private final TableViewModel<R> table;
  private final MessageDetailViewModel detail;
  private boolean closed;

  protected MessageListViewModel(
      String name,
      boolean deposits,
      Function<R, BigInteger> id,
      RowSource<R> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.table = new TableViewModel<>(name, source, id, tasks, coalescers);
    this.detail = new MessageDetailViewModel(tasks, details, deposits);
    table
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && (old == null || !id.apply(now).equals(id.apply(old)))) {
                detail.show(id.apply(now));
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

  public TableViewModel<R> table() {
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
