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
    OptionalDouble participation) {}
