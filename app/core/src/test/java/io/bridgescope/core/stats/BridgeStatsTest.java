package io.bridgescope.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chart data and filtered lists over a small hand-built index: 20 deposits one minute apart (ids
 * 1..20, token A for odd ids, depositor 0x..07 for id 7), ids 1..10 committed at t0+600 and
 * executed (id 3 failed), and 4 exits in epoch 1 checkpointed 100 s after the last.
 */
class BridgeStatsTest {

  static final long T0 = 1_700_000_000L;
  static final Address TOKEN_A = Address.of("0x" + "aa".repeat(20));
  static final Address DEPOSITOR_7 = Address.of("0x" + "00".repeat(19) + "07");

  @TempDir Path dir;
  Database db;

  @BeforeEach
  void fill() throws Exception {
    db = Database.open(dir.resolve("stats.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c -> {
                    try (Statement s = c.createStatement()) {
                      s.execute(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i"
                              + " < 20) INSERT INTO state_syncs (id, sender, receiver, data, kind,"
                              + " token, depositor, recipient, amount, block_number, block_time,"
                              + " tx_hash, log_index) SELECT unhex(printf('%064x', i)),"
                              + " zeroblob(20), zeroblob(20), x'', 'deposit', CASE i % 2 WHEN 1"
                              + " THEN unhex('"
                              + "aa".repeat(20)
                              + "') ELSE unhex('"
                              + "bb".repeat(20)
                              + "') END, unhex(printf('%040x', i)), zeroblob(20),"
                              + " unhex(printf('%064x', i)), i, "
                              + T0
                              + " + 60 * i, unhex(printf('%064x', i)), 0 FROM n");
                      s.execute(
                          "INSERT INTO commitments (start_id, end_id, root, block_number,"
                              + " block_time, tx_hash, log_index) VALUES (unhex(printf('%064x',"
                              + " 1)), unhex(printf('%064x', 10)), zeroblob(32), 5, "
                              + (T0 + 700)
                              + ", unhex(printf('%064x', 999)), 0)");
                      s.execute(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i"
                              + " < 10) INSERT INTO state_sync_results (id, success, message,"
                              + " block_number, block_time, tx_hash, log_index) SELECT"
                              + " unhex(printf('%064x', i)), i != 3, x'', 6, "
                              + (T0 + 800)
                              + ", unhex(printf('%064x', 500 + i)), 0 FROM n");
                      s.execute(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i"
                              + " < 4) INSERT INTO exits (id, sender, receiver, data, epoch, kind,"
                              + " block_number, block_time, tx_hash, log_index) SELECT"
                              + " unhex(printf('%064x', i)), zeroblob(20), zeroblob(20), x'', 1,"
                              + " 'message', 10 + i, "
                              + T0
                              + " + 30 * i, unhex(printf('%064x', 700 + i)), 0 FROM n");
                      s.execute(
                          "INSERT INTO checkpoints VALUES (zeroblob(32), zeroblob(20), 1, 1, 20,"
                              + " zeroblob(32), zeroblob(32), zeroblob(32), zeroblob(32), x'',"
                              + " x'', 30, "
                              + (T0 + 220)
                              + ", 0)");
                    }
                  }))
          .get();
    }
  }

  @Test
  void activityPicksMinuteBucketsForAShortHistoryAndCountsEveryRow() throws Exception {
    BridgeActivity a = db.read(c -> new BridgeStats(c).activity());
    assertThat(a.bucket()).isEqualTo(Duration.ofMinutes(1));
    assertThat(a.totalDeposits()).isEqualTo(20);
    assertThat(a.totalExits()).isEqualTo(4);
    // buckets are aligned to whole minutes; the earliest row is the exit at T0 + 30
    assertThat(a.buckets().get(0).start()).isEqualTo(Instant.ofEpochSecond((T0 + 30) / 60 * 60));
    assertThat(a.buckets()).hasSize((int) ((T0 + 1200) / 60 - (T0 + 30) / 60 + 1));
  }

  @Test
  void bucketWidthGrowsWithTheSpan() {
    assertThat(BridgeStats.bucketFor(600)).isEqualTo(Duration.ofMinutes(1));
    assertThat(BridgeStats.bucketFor(6 * 3600)).isEqualTo(Duration.ofMinutes(15));
    assertThat(BridgeStats.bucketFor(40 * 3600)).isEqualTo(Duration.ofHours(1));
    assertThat(BridgeStats.bucketFor(400 * 86400)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void commitmentLatencyIsTheWaitOfTheStateSyncsItCovers() throws Exception {
    List<Latency> l = db.read(c -> new BridgeStats(c).commitmentLatency(10));
    assertThat(l).hasSize(1);
    // ids 1..10 sent at T0+60..T0+600, committed at T0+700: waits 640..100, mean 370
    assertThat(l.get(0).meanSeconds()).isEqualTo(370.0);
    assertThat(l.get(0).maxSeconds()).isEqualTo(640);
    assertThat(l.get(0).messages()).isEqualTo(10);
    assertThat(l.get(0).label()).isEqualTo("#1");
  }

  @Test
  void checkpointLatencyIsTheWaitOfTheExitsOfItsEpoch() throws Exception {
    List<Latency> l = db.read(c -> new BridgeStats(c).checkpointLatency(10));
    assertThat(l).hasSize(1);
    // exits at T0+30..T0+120 (blocks 11..14 < 20), checkpoint at T0+220: waits 190..100
    assertThat(l.get(0).meanSeconds()).isEqualTo(145.0);
    assertThat(l.get(0).label()).isEqualTo("epoch 1");
  }

  @Test
  void stageTokenAddressAndTimeFiltersNarrowInSql() throws Exception {
    MessageQuery.Kind d = MessageQuery.Kind.DEPOSITS;
    assertThat(ids(d, MessageFilter.NONE.withStage(Optional.of(Stage.FAILED)))).containsExactly(3);
    assertThat(ids(d, MessageFilter.NONE.withStage(Optional.of(Stage.EXECUTED)))).hasSize(9);
    assertThat(ids(d, MessageFilter.NONE.withStage(Optional.of(Stage.SENT))))
        .containsExactly(20, 19, 18, 17, 16, 15, 14, 13, 12, 11);
    assertThat(ids(d, MessageFilter.NONE.withToken(Optional.of(TOKEN_A))))
        .allMatch(i -> i % 2 == 1)
        .hasSize(10);
    assertThat(ids(d, MessageFilter.NONE.withAddress(Optional.of(DEPOSITOR_7)))).containsExactly(7);
    MessageFilter window =
        MessageFilter.NONE.withTime(
            Optional.of(Instant.ofEpochSecond(T0 + 300)),
            Optional.of(Instant.ofEpochSecond(T0 + 600)));
    assertThat(ids(d, window)).containsExactly(9, 8, 7, 6, 5);
    long n = db.read(c -> MessageQuery.count(c, d, window.withStage(Optional.of(Stage.EXECUTED))));
    assertThat(n).isEqualTo(5);
    assertThat(
            ids(
                MessageQuery.Kind.EXITS,
                MessageFilter.NONE.withStage(Optional.of(Stage.CHECKPOINTED))))
        .containsExactly(4, 3, 2, 1);
  }

  @Test
  void keysetPagesFollowEveryOrderWithoutGapsOrRepeats() throws Exception {
    for (MessageFilter.Order o : MessageFilter.Order.values()) {
      MessageFilter f = MessageFilter.NONE.withOrder(o).withToken(Optional.of(TOKEN_A));
      List<MessageQuery.Hit> first =
          db.read(c -> MessageQuery.page(c, MessageQuery.Kind.DEPOSITS, f, Optional.empty(), 4));
      List<MessageQuery.Hit> next =
          db.read(
              c ->
                  MessageQuery.page(
                      c, MessageQuery.Kind.DEPOSITS, f, Optional.of(first.get(3)), 100));
      List<Integer> all =
          java.util.stream.Stream.concat(first.stream(), next.stream())
              .map(h -> h.id().intValueExact())
              .toList();
      List<Integer> expected =
          o.descending()
              ? List.of(19, 17, 15, 13, 11, 9, 7, 5, 3, 1)
              : List.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
      assertThat(all).as(o.name()).isEqualTo(expected);
    }
  }

  private List<Integer> ids(MessageQuery.Kind k, MessageFilter f) {
    return db.read(c -> MessageQuery.page(c, k, f, Optional.empty(), 100)).stream()
        .map(MessageQuery.Hit::id)
        .map(BigInteger::intValueExact)
        .toList();
  }
}
