package io.bridgescope.desktop.exits;

import io.bridgescope.desktop.common.MessageListViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.ExitRow;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Exits screen: the paged table and the detail of the selected row. */
public final class ExitsViewModel extends MessageListViewModel<ExitRow> {

  public ExitsViewModel(
      RowSource<ExitRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    super("exits", false, ExitRow::exitId, source, details, tasks, coalescers);
  }
}
