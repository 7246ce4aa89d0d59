package io.bridgescope.core.lifecycle;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bridge's observed rhythm: median interval of recent commitments and checkpoints, median
 * commitment-to-execution latency, and the latest of each. Empty where nothing was observed yet.
 *
 * @param commitsSinceExecution commitments indexed after the last execution result (success or
 *     failure) on the child chain; all of them when none was ever observed
 * @param neverExecutedThrough while no execution was ever observed: the end id of the newest
 *     commitment that at least two later commitments have passed. Commitments keep arriving but
 *     nothing runs them, so the relayer is stopped (it is not just slow: two cadences went by)
 */
public record Cadence(
    Optional<Duration> commitInterval,
    Optional<Duration> checkpointInterval,
    Optional<Duration> executeLatency,
    Optional<BigInteger> lastCommittedId,
    Optional<Instant> lastCommitAt,
    OptionalLong lastCheckpointBlock,
    OptionalLong lastCheckpointEpoch,
    Optional<Instant> lastCheckpointAt,
    long commitsSinceExecution,
    Optional<BigInteger> neverExecutedThrough) {

  /** Later commitments that must pass an unexecuted one before the relayer counts as stopped. */
  public static final int COMMITS_PASSED = 2;

  /** Slack below which waiting is never called overdue: a few blocks of jitter is normal. */
  public static final Duration MIN_GRACE = Duration.ofSeconds(30);

  public Cadence {
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    Objects.requireNonNull(executeLatency, "executeLatency");
    Objects.requireNonNull(lastCommittedId, "lastCommittedId");
    Objects.requireNonNull(lastCommitAt, "lastCommitAt");
    Objects.requireNonNull(lastCheckpointBlock, "lastCheckpointBlock");
    Objects.requireNonNull(lastCheckpointEpoch, "lastCheckpointEpoch");
    Objects.requireNonNull(lastCheckpointAt, "lastCheckpointAt");
    Objects.requireNonNull(neverExecutedThrough, "neverExecutedThrough");
  }

  /** A cadence without the relayer facts (nothing committed since an execution). */
  public Cadence(
      Optional<Duration> commitInterval,
      Optional<Duration> checkpointInterval,
      Optional<Duration> executeLatency,
      Optional<BigInteger> lastCommittedId,
      Optional<Instant> lastCommitAt,
      OptionalLong lastCheckpointBlock,
      OptionalLong lastCheckpointEpoch,
      Optional<Instant> lastCheckpointAt) {
    this(
        commitInterval,
        checkpointInterval,
        executeLatency,
        lastCommittedId,
        lastCommitAt,
        lastCheckpointBlock,
        lastCheckpointEpoch,
        lastCheckpointAt,
        0,
        Optional.empty());
  }

  /** Whether a committed deposit {@code id} was passed over by later commitments, never run. */
  boolean neverExecuted(BigInteger id) {
    return neverExecutedThrough.map(t -> id.compareTo(t) <= 0).orElse(false);
  }

  /**
   * How far past its ETA a step may run before it is overdue: twice the usual interval more, so
   * overdue means about three times the usual cadence, and never less than {@link #MIN_GRACE}.
   */
  static Duration grace(Duration usual) {
    Duration g = usual.multipliedBy(2);
    return g.compareTo(MIN_GRACE) < 0 ? MIN_GRACE : g;
  }

  /** "~3 min", "~12 s": how a cadence reads in a sentence. */
  static String approx(Duration d) {
    long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
    if (s < 90) {
      return "~" + s + " s";
    }
    long m = Math.round(s / 60.0);
    if (m < 90) {
      return "~" + m + " min";
    }
    return "~" + Math.round(m / 60.0) + " h";
  }
}
