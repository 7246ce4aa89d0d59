package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.BridgeHealth;
import io.bridgescope.core.lifecycle.Cadence;
import io.bridgescope.core.lifecycle.PendingByStage;
import io.bridgescope.core.lifecycle.Stall;
import io.bridgescope.core.stats.BridgeStats;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.OverviewCharts;
import io.bridgescope.desktop.ports.OverviewFacts;
import io.bridgescope.desktop.ports.OverviewSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Bridge health from the lifecycle service's cadence and counts and the verifier's verdicts. */
final class EngineOverview implements OverviewSource {

  static final int LATENCY_POINTS = 40;
  static final int TROUBLE_EXAMPLES = 3;
  private final SessionManager sessions;

  EngineOverview(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public OverviewFacts load() {
    Session s = sessions.current().orElseThrow(() -> new IllegalStateException("no network open"));
    Cadence cad = s.lifecycle().cadence();
    // one read gives the counts and the stalls, so the tiles never disagree with each other
    BridgeHealth health = s.lifecycle().health();
    PendingByStage p = health.pending();
    Instant now = Instant.now();
    return s.db()
        .read(
            c -> {
              long commitments = new CommitmentDao(c).count();
              VerdictDao verdicts = new VerdictDao(c);
              Optional<CommitmentRow> lastCommitment = Optional.empty();
              for (var r : new CommitmentDao(c).page(Optional.empty(), 1)) {
                String v = Words.verdict(verdicts.get(VerdictKind.COMMITMENT, r.event().txHash()));
                lastCommitment =
                    Optional.of(
                        new CommitmentRow(commitments, r.startId(), r.endId(), r.root(), v));
              }
              var latest = new CheckpointDao(c).latest();
              Optional<CheckpointRow> lastCheckpoint = Optional.empty();
              if (latest.isPresent()) {
                var r = latest.get();
                String v = Words.verdict(verdicts.get(VerdictKind.CHECKPOINT, r.submitTx()));
                lastCheckpoint =
                    Optional.of(
                        new CheckpointRow(
                            r.epoch(),
                            r.blockNumber(),
                            r.checkpointBlock(),
                            r.eventRoot(),
                            r.submitTx(),
                            r.success(),
                            v));
              }
              OptionalDouble participation = OptionalDouble.empty();
              if (latest.isPresent()) {
                var set = new ValidatorHistory(c).beforeCheckpoint(latest.get());
                if (set.isPresent()) {
                  int n = set.get().validators().size();
                  int signed = ValidatorBitmap.signers(latest.get().bitmap().value(), n).size();
                  participation = OptionalDouble.of(signed / (double) n);
                }
              }
              long failing = 0;
              for (VerdictKind k : VerdictKind.values()) {
                Map<VerdictStatus, Long> m = new VerdictDao(c).countsByStatus(k);
                failing +=
                    m.getOrDefault(VerdictStatus.MISMATCH, 0L)
                        + m.getOrDefault(VerdictStatus.INVALID_SIGNATURE, 0L)
                        + m.getOrDefault(VerdictStatus.NO_QUORUM, 0L);
              }
              return new OverviewFacts(
                  lastCommitment,
                  cad.lastCommitAt().map(t -> Duration.between(t, now)),
                  cad.commitInterval(),
                  lastCheckpoint,
                  cad.lastCheckpointAt().map(t -> Duration.between(t, now)),
                  cad.checkpointInterval(),
                  p.deposits(),
                  p.exits(),
                  p.stuck() + p.depositsFailed() + p.exitsFailed(),
                  failing,
                  participation,
                  trouble(s, verdicts),
                  health.stalls().stream().map(Stall::summary).toList(),
                  pending(p));
            });
  }

  private static OverviewFacts.Pending pending(PendingByStage p) {
    return new OverviewFacts.Pending(
        p.depositsAwaitingCommitment(),
        p.depositsAwaitingExecution(),
        p.depositsStuckUncommitted() + p.depositsStuckUnexecuted(),
        p.exitsAwaitingCheckpoint(),
        p.exitsReady(),
        p.exitsStuckUncheckpointed());
  }

  /** A few examples of what is stuck, failed or failing verification, in words. */
  private static java.util.List<String> trouble(Session s, VerdictDao verdicts)
      throws java.sql.SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    var t = s.lifecycle().stuckOrFailing(TROUBLE_EXAMPLES);
    t.deposits()
        .forEach(
            d ->
                out.add(
                    "deposit "
                        + d.deposit().id()
                        + " "
                        + Words.stage(d.stage()).toLowerCase(java.util.Locale.ROOT)));
    t.exits()
        .forEach(
            x ->
                out.add(
                    "exit "
                        + x.exit().id()
                        + " "
                        + Words.stage(x.stage()).toLowerCase(java.util.Locale.ROOT)));
    for (VerdictKind k : VerdictKind.values()) {
      for (VerdictStatus st :
          java.util.List.of(
              VerdictStatus.MISMATCH, VerdictStatus.INVALID_SIGNATURE, VerdictStatus.NO_QUORUM)) {
        for (var v : verdicts.withStatus(k, st, TROUBLE_EXAMPLES)) {
          out.add(
              k.name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + io.bridgescope.desktop.widgets.ShortHex.of(v.subjectTx().toString())
                  + ": "
                  + Words.verdict(Optional.of(v)));
        }
      }
    }
    return out.stream().limit(TROUBLE_EXAMPLES * 2L).toList();
  }

  @Override
  public Optional<OverviewCharts> charts() {
    Session s = sessions.current().orElseThrow(() -> new IllegalStateException("no network open"));
    return Optional.of(
        s.db()
            .read(
                c -> {
                  BridgeStats st = new BridgeStats(c);
                  return new OverviewCharts(
                      st.activity(),
                      st.commitmentLatency(LATENCY_POINTS),
                      st.checkpointLatency(LATENCY_POINTS));
                }));
  }

  @Override
  public AutoCloseable subscribe(Runnable changed) {
    return new SessionFollower(sessions, changed);
  }
}
