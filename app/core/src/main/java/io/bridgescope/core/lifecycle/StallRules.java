package io.bridgescope.core.lifecycle;

import io.bridgescope.core.lifecycle.Stall.Part;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which stages of the bridge stalled, as a pure function of the observed {@link Cadence}, what
 * waits per stage and "now", so each sentence is unit-tested. The per-message overdue rules of
 * {@link LifecycleRules} decide what is stuck; this adds the stage-level view: the relayer stopped,
 * the validators stopped committing, checkpoints are late.
 */
final class StallRules {

  private StallRules() {}

  /**
   * @param childIndexedTo the last child block indexed, if any: a checkpoint is only late once the
   *     index has seen the child chain pass the next epoch end (an index still catching up is not a
   *     late checkpoint)
   */
  static List<Stall> stalls(
      Cadence cad, PendingByStage p, OptionalLong childIndexedTo, long epochSize, Instant now) {
    List<Stall> out = new ArrayList<>();
    if (p.depositsStuckUncommitted() > 0) {
      out.add(new Stall(Part.COMMITTING, committing(cad, p, now)));
    }
    if (p.depositsStuckUnexecuted() > 0) {
      out.add(new Stall(Part.EXECUTING, executing(cad, p)));
    }
    boolean late = checkpointLate(cad, childIndexedTo, epochSize, now);
    if (late || p.exitsStuckUncheckpointed() > 0) {
      out.add(new Stall(Part.CHECKPOINTING, checkpointing(cad, p, late, now)));
    }
    return out;
  }

  private static String committing(Cadence cad, PendingByStage p, Instant now) {
    return "validators not committing: "
        + p.depositsStuckUncommitted()
        + " deposit(s) wait for a commitment far longer than usual"
        + cad.commitInterval()
            .map(i -> " (commitments arrive every " + Cadence.approx(i) + ")")
            .orElse("")
        + cad.lastCommitAt()
            .map(t -> ", the last one was " + Cadence.approx(Duration.between(t, now)) + " ago")
            .orElse("");
  }

  private static String executing(Cadence cad, PendingByStage p) {
    if (cad.neverExecutedThrough().isPresent()) {
      return "relayer stopped: no deposit was ever executed although "
          + cad.commitsSinceExecution()
          + " commitments arrived; "
          + p.depositsStuckUnexecuted()
          + " committed deposit(s) wait";
    }
    String waiting =
        p.depositsStuckUnexecuted()
            + " committed deposit(s) wait for execution far longer than the usual "
            + cad.executeLatency().map(Cadence::approx).orElse("latency");
    return cad.commitsSinceExecution() >= Cadence.COMMITS_PASSED
        ? "relayer stopped: "
            + waiting
            + ", and nothing was executed while "
            + cad.commitsSinceExecution()
            + " commitments arrived"
        : "relayer skipping deposits: " + waiting + " while others are executed";
  }

  static boolean checkpointLate(
      Cadence cad, OptionalLong childIndexedTo, long epochSize, Instant now) {
    if (cad.checkpointInterval().isEmpty() || cad.lastCheckpointAt().isEmpty()) {
      return false;
    }
    Duration every = cad.checkpointInterval().get();
    boolean overdue =
        now.isAfter(cad.lastCheckpointAt().get().plus(every).plus(Cadence.grace(every)));
    boolean epochEnded =
        childIndexedTo.isEmpty()
            || childIndexedTo.getAsLong() >= cad.lastCheckpointBlock().orElse(0) + epochSize;
    return overdue && epochEnded;
  }

  private static String checkpointing(Cadence cad, PendingByStage p, boolean late, Instant now) {
    List<String> parts = new ArrayList<>();
    if (late) {
      parts.add(
          "checkpoints late: the last one was "
              + Cadence.approx(Duration.between(cad.lastCheckpointAt().get(), now))
              + " ago, they usually arrive every "
              + Cadence.approx(cad.checkpointInterval().get()));
    }
    if (p.exitsStuckUncheckpointed() > 0) {
      parts.add(
          (late ? "" : "checkpoints late: ")
              + p.exitsStuckUncheckpointed()
              + " exit(s) wait for a checkpoint far beyond the cadence");
    }
    return String.join(", ", parts);
  }
}
