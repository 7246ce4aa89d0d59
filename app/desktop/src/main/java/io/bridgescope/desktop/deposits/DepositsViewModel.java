package io.bridgescope.desktop.deposits;

import io.bridgescope.desktop.common.MessageListViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.RowSource;

/** State of the Deposits screen: the paged table and the detail of the selected row. */
public final class DepositsViewModel extends MessageListViewModel<DepositRow> {

  public DepositsViewModel(
      RowSource<DepositRow> source,
      DetailSource details,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    super("deposits", true, DepositRow::stateSyncId, source, details, tasks, coalescers);
  }
}
