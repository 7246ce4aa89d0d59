package io.bridgescope.devnet.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.lifecycle.BridgeHealth;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.lifecycle.Stall;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's {@code --relayer-paused} run: deposits keep being committed but never executed. The
 * bridge must read as stalled (not "ok", not "0 stuck") within two commitment cadences: once two
 * later commitments have passed a commitment with nothing executed, its deposits are STUCK. The
 * cadence is counted in commitments, so the check does not depend on how loaded the machine is.
 */
@Tag("devnet")
class StalledRelayerDevnetTest {

  @TempDir Path work;

  @Test
  void aPausedRelayerIsFlaggedStuckWithinTwoCommitmentCadencesAndClearsWhenItResumes()
      throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().withFaults(true, 0, 0, Duration.ZERO);
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      await("3 commitments")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> d.status().commitments() >= 3);
      NetworkProfile p = d.profile();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, Duration.ofMillis(200))) {
        ix.catchUp();
        LifecycleService life = new LifecycleService(db, p.epochSize(), Clock.systemUTC());
        List<CommitmentRow> commitments =
            db.read(c -> new CommitmentDao(c).page(Optional.empty(), 1000)).stream()
                .sorted(Comparator.comparing(CommitmentRow::endId))
                .toList();
        assertThat(commitments).hasSizeGreaterThanOrEqualTo(3);
        // every commitment passed by two later ones is stuck; the last two still just wait
        BigInteger stuckThrough = commitments.get(commitments.size() - 3).endId();
        BigInteger lastCommitted = commitments.get(commitments.size() - 1).endId();

        BridgeHealth h = life.health();
        assertThat(h.ok()).isFalse();
        assertThat(h.stalls()).extracting(Stall::part).contains(Stall.Part.EXECUTING);
        assertThat(h.headline()).contains("relayer stopped");
        assertThat(h.pending().depositsStuckUnexecuted()).isEqualTo(stuckThrough.longValueExact());
        assertThat(h.pending().depositsAwaitingExecution())
            .isEqualTo(lastCommitted.subtract(stuckThrough).longValueExact());
        assertThat(life.depositCounts().get(Stage.STUCK)).isEqualTo(stuckThrough.longValueExact());
        assertThat(life.depositCounts().get(Stage.EXECUTED)).isZero();

        DepositStatus first = life.deposit(BigInteger.ONE).orElseThrow();
        assertThat(first.stage()).as(first.status().reason()).isEqualTo(Stage.STUCK);
        assertThat(first.status().reason()).contains("committed in 1..", "relayer is stopped");
        DepositStatus waiting = life.deposit(lastCommitted).orElseThrow();
        assertThat(waiting.stage()).as(waiting.status().reason()).isEqualTo(Stage.COMMITTED);
        System.out.println("paused relayer: " + h.headline());

        d.setRelayerPaused(false);
        await("the relayer catches up and the bridge reads healthy again")
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  ix.catchUp();
                  return life.deposit(BigInteger.ONE).orElseThrow().stage() == Stage.EXECUTED
                      && life.health().stalls().stream()
                          .noneMatch(s -> s.part() == Stall.Part.EXECUTING);
                });
      }
    }
  }
}
