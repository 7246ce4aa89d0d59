package io.bridgescope.core.lifecycle;

/**
 * What waits, split by the stage it waits in. The counts are exclusive: a stuck deposit waiting for
 * its commitment is counted in {@code depositsStuckUncommitted}, not in {@code
 * depositsAwaitingCommitment}.
 *
 * @param depositsAwaitingCommitment sent on the root, not committed yet, within the cadence
 * @param depositsStuckUncommitted sent on the root, waiting for a commitment beyond the cadence
 * @param depositsAwaitingExecution committed, not executed yet, within the usual latency
 * @param depositsStuckUnexecuted committed, waiting for execution beyond the usual latency
 * @param depositsFailed every execution so far failed
 * @param exitsAwaitingCheckpoint sent on the child, not checkpointed yet, within the cadence
 * @param exitsStuckUncheckpointed sent on the child, waiting for a checkpoint beyond the cadence
 * @param exitsReady checkpointed: the user (or anyone) may exit them on the root
 * @param exitsFailed every exit so far failed
 */
public record PendingByStage(
    long depositsAwaitingCommitment,
    long depositsStuckUncommitted,
    long depositsAwaitingExecution,
    long depositsStuckUnexecuted,
    long depositsFailed,
    long exitsAwaitingCheckpoint,
    long exitsStuckUncheckpointed,
    long exitsReady,
    long exitsFailed) {

  /** Deposits not executed yet, stuck or not, failed excluded. */
  public long deposits() {
    return depositsAwaitingCommitment
        + depositsStuckUncommitted
        + depositsAwaitingExecution
        + depositsStuckUnexecuted;
  }

  /** Exits not exited yet, stuck or not, failed excluded. */
  public long exits() {
    return exitsAwaitingCheckpoint + exitsStuckUncheckpointed + exitsReady;
  }

  public long stuck() {
    return depositsStuckUncommitted + depositsStuckUnexecuted + exitsStuckUncheckpointed;
  }
}
