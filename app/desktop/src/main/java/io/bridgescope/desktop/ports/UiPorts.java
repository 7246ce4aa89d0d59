package io.bridgescope.desktop.ports;

import io.bridgescope.desktop.search.SearchResolver;
import io.bridgescope.desktop.status.StatusSource;

/**
 * Everything the engine hands the desktop, in one place. Until the indexer and lifecycle services
 * exist, {@link #notConnected()} makes every screen say so honestly.
 */
public record UiPorts(
    StatusSource status,
    SearchResolver search,
    OverviewSource overview,
    RowSource<DepositRow> deposits,
    RowSource<ExitRow> exits,
    RowSource<CommitmentRow> commitments,
    RowSource<CheckpointRow> checkpoints,
    RowSource<ValidatorSetRow> validators,
    DetailSource details,
    WatchSource watches,
    AccountabilitySource accountability,
    SolvencySource solvency) {

  /** The ports without the auditor's screens' sources (they then say they are not connected). */
  public UiPorts(
      StatusSource status,
      SearchResolver search,
      OverviewSource overview,
      RowSource<DepositRow> deposits,
      RowSource<ExitRow> exits,
      RowSource<CommitmentRow> commitments,
      RowSource<CheckpointRow> checkpoints,
      RowSource<ValidatorSetRow> validators,
      DetailSource details,
      WatchSource watches) {
    this(
        status,
        search,
        overview,
        deposits,
        exits,
        commitments,
        checkpoints,
        validators,
        details,
        watches,
        AccountabilitySource.NOT_CONNECTED,
        SolvencySource.NOT_CONNECTED);
  }

  /** The ports without a watch list (notices then never arrive). */
  public UiPorts(
      StatusSource status,
      SearchResolver search,
      OverviewSource overview,
      RowSource<DepositRow> deposits,
      RowSource<ExitRow> exits,
      RowSource<CommitmentRow> commitments,
      RowSource<CheckpointRow> checkpoints,
      RowSource<ValidatorSetRow> validators,
      DetailSource details) {
    this(
        status,
        search,
        overview,
        deposits,
        exits,
        commitments,
        checkpoints,
        validators,
        details,
        WatchSource.NOT_CONNECTED);
  }

  public static UiPorts notConnected() {
    return new UiPorts(
        StatusSource.notConnected(),
        SearchResolver.NOT_CONNECTED,
        OverviewSource.notConnected(),
        RowSource.notConnected(),
        RowSource.notConnected(),
        RowSource.notConnected(),
        RowSource.notConnected(),
        RowSource.notConnected(),
        DetailSource.NOT_CONNECTED);
  }
}
