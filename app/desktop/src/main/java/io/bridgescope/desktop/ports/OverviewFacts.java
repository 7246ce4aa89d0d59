package io.bridgescope.desktop.ports;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Bridge health at a glance, as the Overview screen shows it.
 *
 * @param lastCommitmentAge time since the last commitment, if any
 * @param usualCommitmentCadence typical time between commitments, if known
 * @param lastCheckpointAge time since the last checkpoint, if any
 * @param usualCheckpointCadence typical time between checkpoints, if known
 * @param failingVerification commitments and checkpoints whose verdict is a failure
 * @param participation share of validators that signed the last checkpoint
 * @param trouble a few of the stuck, failed or failing items in words ("deposit 12 stuck")
 * @param stalls the bridge stages that stopped, one sentence each ("relayer stopped: …"); empty
 *     when every stage moves
 * @param pending what waits, split by the stage it waits in
 */
public record OverviewFacts(
    Optional<CommitmentRow> lastCommitment,
    Optional<Duration> lastCommitmentAge,
    Optional<Duration> usualCommitmentCadence,
    Optional<CheckpointRow> lastCheckpoint,
    Optional<Duration> lastCheckpointAge,
    Optional<Duration> usualCheckpointCadence,
    long pendingDeposits,
    long pendingExits,
    long stuckItems,
    long failingVerification,
    OptionalDouble participation,
    java.util.List<String> trouble,
    java.util.List<String> stalls,
    Pending pending) {

  /**
   * Pending messages by stage; the counts are exclusive (a stuck one is not also awaiting).
   *
   * @param readyToExit exits checkpointed on the root: they wait for someone to exit them
   */
  public record Pending(
      long awaitingCommitment,
      long awaitingExecution,
      long stuckDeposits,
      long awaitingCheckpoint,
      long readyToExit,
      long stuckExits) {

    public static final Pending UNKNOWN = new Pending(0, 0, 0, 0, 0, 0);
  }

  public OverviewFacts {
    trouble = java.util.List.copyOf(trouble);
    stalls = java.util.List.copyOf(stalls);
    java.util.Objects.requireNonNull(pending, "pending");
  }

  /** Facts without examples of trouble. */
  public OverviewFacts(
      Optional<CommitmentRow> lastCommitment,
      Optional<Duration> lastCommitmentAge,
      Optional<Duration> usualCommitmentCadence,
      Optional<CheckpointRow> lastCheckpoint,
      Optional<Duration> lastCheckpointAge,
      Optional<Duration> usualCheckpointCadence,
      long pendingDeposits,
      long pendingExits,
      long stuckItems,
      long failingVerification,
      OptionalDouble participation) {
    this(
        lastCommitment,
        lastCommitmentAge,
        usualCommitmentCadence,
        lastCheckpoint,
        lastCheckpointAge,
        usualCheckpointCadence,
        pendingDeposits,
        pendingExits,
        stuckItems,
        failingVerification,
        participation,
        java.util.List.of(),
        java.util.List.of(),
        Pending.UNKNOWN);
  }
}
