package io.bridgescope.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.lifecycle.Stall.Part;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage-level health over a small hand-built index: 8 deposits per commitment, commitments one
 * child block apart and 3 s apart, as the devnet makes them; "now" is the last commitment's time,
 * so only the commitment counting, not the clock, can make anything stuck.
 */
class BridgeHealthTest {

  static final long T0 = 1_700_000_000L;

  @TempDir Path dir;
  Database db;
  StoreWriter writer;
  long lastCommitTime = T0;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("health.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    writer.close();
  }

  /** Commitment number {@code n} (from 1) of deposits 8n-7..8n, in child block 10n. */
  void commit(int n) throws Exception {
    long time = T0 + 3L * n;
    lastCommitTime = time;
    sql(
        "WITH RECURSIVE k(i) AS (SELECT "
            + (8 * n - 7)
            + " UNION ALL SELECT i + 1 FROM k WHERE i < "
            + 8 * n
            + ") INSERT INTO state_syncs (id, sender, receiver, data, kind, block_number,"
            + " block_time, tx_hash, log_index) SELECT unhex(printf('%064x', i)), zeroblob(20),"
            + " zeroblob(20), x'', 'message', i, "
            + (time - 2)
            + ", unhex(printf('%064x', i)), 0 FROM k",
        "INSERT INTO commitments (start_id, end_id, root, block_number, block_time, tx_hash,"
            + " log_index) VALUES (unhex(printf('%064x', "
            + (8 * n - 7)
            + ")), unhex(printf('%064x', "
            + 8 * n
            + ")), zeroblob(32), "
            + 10 * n
            + ", "
            + time
            + ", unhex(printf('%064x', "
            + (1000 + n)
            + ")), 0)");
  }

  void execute(int id, long block) throws Exception {
    sql(
        "INSERT INTO state_sync_results (id, success, message, block_number, block_time, tx_hash,"
            + " log_index) VALUES (unhex(printf('%064x', "
            + id
            + ")), 1, x'', "
            + block
            + ", "
            + (T0 + 3L * block / 10 + 1)
            + ", unhex(printf('%064x', "
            + (5000 + id)
            + ")), 0)");
  }

  void sql(String... statements) throws Exception {
    writer
        .submit(
            Batch.of(
                c -> {
                  try (Statement s = c.createStatement()) {
                    for (String q : statements) {
                      s.execute(q);
                    }
                  }
                }))
        .get();
  }

  LifecycleService service() {
    return new LifecycleService(
        db, 10, Clock.fixed(Instant.ofEpochSecond(lastCommitTime), ZoneOffset.UTC));
  }

  @Test
  void aRelayerThatNeverRanIsStoppedOnceTwoLaterCommitmentsPassedTheFirst() throws Exception {
    commit(1);
    commit(2);
    assertThat(service().health().ok()).isTrue();
    assertThat(service().deposit(BigInteger.ONE).orElseThrow().stage()).isEqualTo(Stage.COMMITTED);

    commit(3);
    LifecycleService life = service();
    BridgeHealth h = life.health();
    assertThat(h.ok()).isFalse();
    assertThat(h.stalls()).extracting(Stall::part).containsExactly(Part.EXECUTING);
    assertThat(h.headline())
        .startsWith(
            "stalled: relayer stopped: no deposit was ever executed although 3 commitments");
    assertThat(h.pending().depositsStuckUnexecuted()).isEqualTo(8);
    assertThat(h.pending().depositsAwaitingExecution()).isEqualTo(16);
    assertThat(life.depositCounts().get(Stage.STUCK)).isEqualTo(8);
    DepositStatus first = life.deposit(BigInteger.ONE).orElseThrow();
    assertThat(first.stage()).isEqualTo(Stage.STUCK);
    assertThat(first.status().reason()).contains("the relayer is stopped");
    assertThat(life.deposit(BigInteger.valueOf(9)).orElseThrow().stage())
        .isEqualTo(Stage.COMMITTED);
    assertThat(life.stuckOrFailing(20).deposits())
        .extracting(d -> d.deposit().id().intValue())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void aRelayerThatRanOnceIsJudgedByItsLatencyNotByCounting() throws Exception {
    commit(1);
    for (int id = 1; id <= 8; id++) {
      execute(id, 11);
    }
    commit(2);
    commit(3);
    commit(4);
    // 3 commitments since the last execution, but only 9 s: within the 30 s minimum grace
    BridgeHealth h = service().health();
    assertThat(h.ok()).as(h.headline()).isTrue();
    assertThat(h.pending().depositsAwaitingExecution()).isEqualTo(24);
  }

  @Test
  void aRelayerStoppedAfterRunningIsFlaggedPastItsUsualLatencyWithTheCommitmentsSince()
      throws Exception {
    commit(1);
    for (int id = 1; id <= 8; id++) {
      execute(id, 11);
    }
    for (int n = 2; n <= 20; n++) {
      commit(n);
    }
    BridgeHealth h = service().health();
    assertThat(h.stalls()).extracting(Stall::part).containsExactly(Part.EXECUTING);
    assertThat(h.headline())
        .contains("relayer stopped: ")
        .contains("nothing was executed while 19 commitments arrived");
    assertThat(h.pending().depositsStuckUnexecuted()).isPositive();
  }

  @Test
  void nothingIndexedIsHealthy() {
    BridgeHealth h = service().health();
    assertThat(h.headline()).isEqualTo("ok");
    assertThat(h.pending().deposits()).isZero();
    assertThat(h.pending().exits()).isZero();
  }
}
