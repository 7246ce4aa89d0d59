package io.bridgescope.core.lifecycle;

import io.bridgescope.core.chain.RevertReason;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The status rules, as pure functions of the stored rows, the observed {@link Cadence} and "now",
 * so every sentence a user reads is unit-tested. Times are chain block times.
 */
final class LifecycleRules {

  private final long epochSize;

  LifecycleRules(long epochSize) {
    this.epochSize = epochSize;
  }

  DepositStatus deposit(
      StateSyncRow d,
      Optional<CommitmentRow> commitment,
      List<ExecutionResultRow> results,
      Cadence cad,
      Instant now) {
    Optional<ExecutionResultRow> ok =
        results.stream().filter(ExecutionResultRow::success).findFirst();
    if (ok.isPresent()) {
      return new DepositStatus(
          d,
          status(
              d.id(),
              Stage.EXECUTED,
              "executed on the child chain at block "
                  + ok.get().event().blockNumber()
                  + " ("
                  + ok.get().event().txHash()
                  + ")",
              "nothing to do",
              Optional.empty(),
              false,
              results),
          commitment);
    }
    if (!results.isEmpty()) {
      ExecutionResultRow last = results.get(results.size() - 1);
      return new DepositStatus(
          d,
          status(
              d.id(),
              Stage.FAILED,
              "execution failed "
                  + results.size()
                  + " time(s), last at child block "
                  + last.event().blockNumber()
                  + ": "
                  + failure(last)
                  + "; a failed state sync is not marked processed",
              "fix the cause (e.g. the receiver contract), then execute it again with a proof"
                  + " (proof deposit "
                  + d.id()
                  + ")",
              Optional.empty(),
              false,
              results),
          commitment);
    }
    Instant sentAt = Instant.ofEpochSecond(d.event().blockTime());
    if (commitment.isEmpty()) {
      String last = cad.lastCommittedId().map(Object::toString).orElse("none yet");
      if (cad.commitInterval().isEmpty()) {
        return new DepositStatus(
            d,
            status(
                d.id(),
                Stage.SENT,
                "waiting for a commitment: last committed id "
                    + last
                    + ", no commitment cadence observed yet",
                "nothing to do: the validators commit it to the child chain",
                Optional.empty(),
                false,
                results),
            commitment);
      }
      Duration every = cad.commitInterval().get();
      Instant from = cad.lastCommitAt().filter(t -> t.isAfter(sentAt)).orElse(sentAt);
      Instant eta = from.plus(every);
      boolean overdue = now.isAfter(eta.plus(Cadence.grace(every)));
      String reason =
          (overdue
                  ? "no commitment for " + Cadence.approx(Duration.between(sentAt, now)) + ": "
                  : "")
              + "waiting for a commitment: last committed id "
              + last
              + ", commitments arrive every "
              + Cadence.approx(every);
      String next =
          overdue
              ? "the validators may be down or the bridge halted: check the child chain's validators"
              : "nothing to do: the validators commit it to the child chain";
      return new DepositStatus(
          d,
          status(
              d.id(),
              overdue ? Stage.STUCK : Stage.SENT,
              reason,
              next,
              Optional.of(eta),
              overdue,
              results),
          commitment);
    }
    CommitmentRow c = commitment.get();
    Instant committedAt = Instant.ofEpochSecond(c.event().blockTime());
    String where =
        "committed in "
            + c.startId()
            + ".."
            + c.endId()
            + " at child block "
            + c.event().blockNumber();
    String manual = "or execute it yourself with a proof (proof deposit " + d.id() + ")";
    if (cad.executeLatency().isEmpty() && cad.neverExecuted(d.id())) {
      return new DepositStatus(
          d,
          status(
              d.id(),
              Stage.STUCK,
              where
                  + "; waiting for execution, but no deposit was ever executed although "
                  + cad.commitsSinceExecution()
                  + " commitments arrived: the relayer is stopped",
              "the relayer is stopped: execute it yourself with a proof (proof deposit "
                  + d.id()
                  + ")",
              Optional.empty(),
              true,
              results),
          commitment);
    }
    if (cad.executeLatency().isEmpty()) {
      return new DepositStatus(
          d,
          status(
              d.id(),
              Stage.COMMITTED,
              where
                  + "; waiting for execution: no execution observed yet, so the relayer may"
                  + " not be running",
              "wait for the relayer, " + manual,
              Optional.empty(),
              false,
              results),
          commitment);
    }
    Duration latency = cad.executeLatency().get();
    Instant eta = committedAt.plus(latency);
    boolean overdue = now.isAfter(eta.plus(Cadence.grace(latency)));
    String reason =
        where
            + "; waiting for execution: the relayer usually executes within "
            + Cadence.approx(latency)
            + (overdue
                ? ", this one has waited " + Cadence.approx(Duration.between(committedAt, now))
                : "");
    return new DepositStatus(
        d,
        status(
            d.id(),
            overdue ? Stage.STUCK : Stage.COMMITTED,
            reason,
            (overdue
                ? "the relayer seems stopped: execute it yourself with a proof (proof deposit "
                    + d.id()
                    + ")"
                : "wait for the relayer, " + manual),
            Optional.of(eta),
            overdue,
            results),
        commitment);
  }

  /**
   * @param checkpoint the child block of the latest successful checkpoint of the exit's epoch
   */
  ExitStatus exit(
      ExitRow x,
      OptionalLong checkpoint,
      List<ExecutionResultRow> results,
      Cadence cad,
      Instant now) {
    Optional<ExecutionResultRow> ok =
        results.stream().filter(ExecutionResultRow::success).findFirst();
    boolean covered = checkpoint.isPresent() && checkpoint.getAsLong() > x.event().blockNumber();
    OptionalLong cp = covered ? checkpoint : OptionalLong.empty();
    if (ok.isPresent()) {
      return new ExitStatus(
          x,
          status(
              x.id(),
              Stage.EXITED,
              "exited on the root chain at block "
                  + ok.get().event().blockNumber()
                  + " ("
                  + ok.get().event().txHash()
                  + ")",
              "nothing to do",
              Optional.empty(),
              false,
              results),
          cp);
    }
    if (covered && !results.isEmpty()) {
      ExecutionResultRow last = results.get(results.size() - 1);
      return new ExitStatus(
          x,
          status(
              x.id(),
              Stage.FAILED,
              "exit failed "
                  + results.size()
                  + " time(s), last at root block "
                  + last.event().blockNumber()
                  + ": "
                  + failure(last)
                  + "; a failed exit is not marked processed",
              "fix the cause, then exit it again with a fresh proof (proof exit " + x.id() + ")",
              Optional.empty(),
              false,
              results),
          cp);
    }
    if (covered) {
      return new ExitStatus(
          x,
          status(
              x.id(),
              Stage.CHECKPOINTED,
              "ready to withdraw: checkpointed at child block "
                  + checkpoint.getAsLong()
                  + " (epoch "
                  + x.epoch()
                  + "); a proof is available",
              "exit it on the root chain: build the proof (proof exit "
                  + x.id()
                  + ") and send ExitHelper.exit",
              Optional.empty(),
              false,
              results),
          cp);
    }
    long epochEnd = x.epoch() * epochSize;
    String last =
        cad.lastCheckpointBlock().isPresent()
            ? "block "
                + cad.lastCheckpointBlock().getAsLong()
                + " (epoch "
                + cad.lastCheckpointEpoch().orElse(0)
                + ")"
            : "none yet";
    String base =
        "waiting for a checkpoint: its epoch "
            + x.epoch()
            + " ends at child block "
            + epochEnd
            + ", the last checkpoint is "
            + last;
    String next = "nothing to do: the validators checkpoint the epoch to the root chain";
    if (cad.checkpointInterval().isEmpty() || cad.lastCheckpointAt().isEmpty()) {
      return new ExitStatus(
          x, status(x.id(), Stage.SENT, base, next, Optional.empty(), false, results), cp);
    }
    Duration every = cad.checkpointInterval().get();
    long epochsToGo = Math.max(1, x.epoch() - cad.lastCheckpointEpoch().orElse(0));
    Instant eta = cad.lastCheckpointAt().get().plus(every.multipliedBy(epochsToGo));
    Instant sentAt = Instant.ofEpochSecond(x.event().blockTime());
    if (eta.isBefore(sentAt)) {
      eta = sentAt.plus(every);
    }
    boolean overdue = now.isAfter(eta.plus(Cadence.grace(every)));
    String reason =
        base
            + ", checkpoints arrive every "
            + Cadence.approx(every)
            + (overdue
                ? "; the next one is " + Cadence.approx(Duration.between(eta, now)) + " late"
                : "");
    return new ExitStatus(
        x,
        status(
            x.id(),
            overdue ? Stage.STUCK : Stage.SENT,
            reason,
            overdue
                ? "the checkpointing validators may be down: check the root chain's"
                    + " CheckpointManager"
                : next,
            Optional.of(eta),
            overdue,
            results),
        cp);
  }

  /** The decoded revert or return data of a failed execution, in words. */
  static String failure(ExecutionResultRow r) {
    byte[] data = r.returnData().value();
    if (data.length == 0) {
      return "no reason given (the receiver reverted without data or has no code)";
    }
    String decoded = RevertReason.decode(data);
    return decoded == null ? "unreadable return data" : decoded;
  }

  private static MessageStatus status(
      java.math.BigInteger id,
      Stage stage,
      String reason,
      String next,
      Optional<Instant> eta,
      boolean overdue,
      List<ExecutionResultRow> results) {
    return new MessageStatus(id, stage, reason, next, eta, overdue, results);
  }
}
