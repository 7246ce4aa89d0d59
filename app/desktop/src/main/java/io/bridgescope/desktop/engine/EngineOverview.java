package io.bridgescope.desktop.engine;

import io.bridgescope.core.lifecycle.Cadence;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.OverviewFacts;
import io.bridgescope.desktop.ports.OverviewSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Bridge health from the lifecycle service's cadence and counts and the verifier's verdicts. */
final class EngineOverview implements OverviewSource {

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
    Map<Stage, Long> deposits = s.lifecycle().depositCounts();
    Map<Stage, Long> exits = s.lifecycle().exitCounts();
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
                  deposits.get(Stage.SENT)
                      + deposits.get(Stage.COMMITTED)
                      + deposits.get(Stage.STUCK),
                  exits.get(Stage.SENT) + exits.get(Stage.CHECKPOINTED) + exits.get(Stage.STUCK),
                  deposits.get(Stage.STUCK)
                      + exits.get(Stage.STUCK)
                      + deposits.get(Stage.FAILED)
                      + exits.get(Stage.FAILED),
                  failing,
                  participation);
            });
  }

  @Override
  public AutoCloseable subscribe(Runnable changed) {
    return new SessionFollower(sessions, changed);
  }
}
