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
    java.util.List<String> trouble) {

  public OverviewFacts {
    trouble = java.util.List.copyOf(trouble);
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
        java.util.List.of());
  }
}
