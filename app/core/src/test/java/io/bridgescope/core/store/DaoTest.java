package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.StatusCounts;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.store.rows.TxState;
import io.bridgescope.core.store.rows.WatchKind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaoTest {

  static final BigInteger U256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  @TempDir Path dir;
  Database db;
  StoreWriter writer;

  /** The store under test; the PostgreSQL variants override this. */
  Database openStore() {
    return Database.open(dir.resolve("d.db"));
  }

  @BeforeEach
  void open() {
    db = openStore();
    writer = new StoreWriter(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    writer.close();
  }

  // typed read helpers: a bare generic read(...) inside assertThat(...) is ambiguous to javac
  <T> Optional<T> opt(ReadTask<Optional<T>> t) {
    return db.read(t);
  }

  <T> List<T> list(ReadTask<List<T>> t) {
    return db.read(t);
  }

  void write(WriteOp op) throws Exception {
    writer.submit(Batch.of(op)).get();
  }

  @Test
  void manyRowsGoInAcrossStatementsAndOnlyTheNewOnesAreCounted() throws Exception {
    int n = 2 * Inserts.MAX_ROWS + 201;
    List<StateSyncRow> some = new ArrayList<>();
    List<StateSyncRow> all = new ArrayList<>();
    List<ExitRow> exits = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      // deposits and plain messages mixed: NULL and non-NULL values in one statement's columns
      StateSyncRow r = id % 3 == 0 ? Fixtures.message(id, id) : Fixtures.deposit(id, id);
      all.add(r);
      if (id % 7 == 0) {
        some.add(r);
      }
      exits.add(Fixtures.withdrawal(id, id, 1));
    }
    assertThat(writer.call(c -> new StateSyncDao(c).insert(some)).get()).isEqualTo(some.size());
    assertThat(writer.call(c -> new StateSyncDao(c).insert(all)).get()).isEqualTo(n - some.size());
    assertThat(writer.call(c -> new StateSyncDao(c).insert(all)).get()).isZero();
    assertThat(db.<Long>read(c -> new StateSyncDao(c).count())).isEqualTo(n);
    for (StateSyncRow r :
        List.of(all.get(0), all.get(2), all.get(Inserts.MAX_ROWS), all.get(n - 1))) {
      assertThat(opt(c -> new StateSyncDao(c).byId(r.id()))).contains(r);
    }
    assertThat(writer.call(c -> new ExitDao(c).insert(exits)).get()).isEqualTo(n);
    assertThat(writer.call(c -> new ExitDao(c).insert(exits.subList(0, 9))).get()).isZero();
    assertThat(opt(c -> new ExitDao(c).byId(BigInteger.valueOf(n)))).contains(exits.get(n - 1));
    List<io.bridgescope.core.store.rows.ExecutionResultRow> results = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      results.add(Fixtures.result(id, id % 5 != 0, id));
    }
    assertThat(writer.call(c -> new StateSyncDao(c).insertResults(results)).get()).isEqualTo(n);
    assertThat(writer.call(c -> new StateSyncDao(c).insertResults(results)).get()).isZero();
    assertThat(list(c -> new StateSyncDao(c).results(BigInteger.valueOf(n))))
        .containsExactly(results.get(n - 1));
  }

  @Test
  void uint256ExtremesRoundTripLosslessly() throws Exception {
    StateSyncRow max =
        new StateSyncRow(
            U256_MAX,
            Fixtures.ALICE,
            Fixtures.BOB,
            Bytes.EMPTY,
            PayloadKind.DEPOSIT,
            Optional.of(new Erc20Transfer(Fixtures.TOKEN, Fixtures.ALICE, Fixtures.BOB, U256_MAX)),
            Fixtures.event(1, 0));
    StateSyncRow zero = Fixtures.message(0, 2);
    write(c -> new StateSyncDao(c).insert(List.of(max, zero)));
    assertThat(opt(c -> new StateSyncDao(c).byId(U256_MAX))).contains(max);
    assertThat(opt(c -> new StateSyncDao(c).byId(BigInteger.ZERO))).contains(zero);
    // byte order is numeric order: max sorts last
    assertThat(list(c -> new StateSyncDao(c).page(Optional.empty(), 10)))
        .containsExactly(max, zero);
  }

  @Test
  void keysetPagingWalksAllRowsNewestFirstWithoutGapsOrRepeats() throws Exception {
    List<StateSyncRow> rows = new ArrayList<>();
    for (long id = 1; id <= 300; id++) {
      rows.add(id % 3 == 0 ? Fixtures.message(id, id) : Fixtures.deposit(id, id));
    }
    write(c -> new StateSyncDao(c).insert(rows));
    List<BigInteger> seen = new ArrayList<>();
    Optional<BigInteger> before = Optional.empty();
    while (true) {
      Optional<BigInteger> b = before;
      List<StateSyncRow> page = db.read(c -> new StateSyncDao(c).page(b, 64));
      if (page.isEmpty()) {
        break;
      }
      page.forEach(r -> seen.add(r.id()));
      before = Optional.of(page.get(page.size() - 1).id());
    }
    assertThat(seen)
        .hasSize(300)
        .isSortedAccordingTo((a, b) -> b.compareTo(a))
        .doesNotHaveDuplicates();

    // ALICE is depositor of 200 deposits and sender of 100 messages: all 300 rows
    List<StateSyncRow> alice =
        db.read(
            c ->
                new StateSyncDao(c)
                    .byAddress(Fixtures.ALICE, Optional.of(BigInteger.valueOf(101)), 50));
    assertThat(alice)
        .hasSize(50)
        .extracting(StateSyncRow::id)
        .first()
        .isEqualTo(BigInteger.valueOf(100));
    assertThat(
            list(c -> new StateSyncDao(c).byAddress(Address.ofLow(0x5555), Optional.empty(), 50)))
        .isEmpty();
    assertThat(list(c -> new StateSyncDao(c).byTx(Fixtures.hash(7, 1)))).hasSize(1);
    assertThat(list(c -> new StateSyncDao(c).range(BigInteger.valueOf(10), BigInteger.valueOf(19))))
        .hasSize(10);
  }

  @Test
  void depositStatusCountsFollowTheLifecycle() throws Exception {
    write(
        c -> {
          var s = new StateSyncDao(c);
          for (long id = 1; id <= 10; id++) {
            s.insert(List.of(Fixtures.deposit(id, id)));
          }
          new CommitmentDao(c).insert(List.of(Fixtures.commitment(1, 6, 30)));
          s.insertResults(
              List.of(
                  Fixtures.result(1, true, 31),
                  Fixtures.result(2, false, 32),
                  Fixtures.result(3, false, 33),
                  Fixtures.result(3, true, 34)));
        });
    StatusCounts counts = db.read(c -> new StateSyncDao(c).statusCounts());
    // 7..10 sent; 1..6 committed: 1 and 3 executed, 2 failed, 4..6 waiting
    assertThat(counts).isEqualTo(new StatusCounts(4, 3, 2, 1));
    assertThat(opt(c -> new CommitmentDao(c).covering(BigInteger.valueOf(4))))
        .hasValueSatisfying(cm -> assertThat(cm.endId()).isEqualTo(6));
    assertThat(opt(c -> new CommitmentDao(c).covering(BigInteger.valueOf(7)))).isEmpty();
    assertThat(opt(c -> new CommitmentDao(c).byTx(Fixtures.hash(30, 1))))
        .contains(Fixtures.commitment(1, 6, 30));
  }

  @Test
  void exitsByEpochAndCheckpointsPerEpoch() throws Exception {
    write(
        c -> {
          List<ExitRow> exits = new ArrayList<>();
          for (long id = 1; id <= 6; id++) {
            exits.add(Fixtures.withdrawal(id, id * 3, id <= 3 ? 1 : 2));
          }
          new ExitDao(c).insert(exits);
          new CheckpointDao(c)
              .insert(
                  List.of(
                      Fixtures.checkpoint(1, 8, 100, true),
                      Fixtures.checkpoint(1, 10, 101, true),
                      Fixtures.checkpoint(2, 14, 102, false)));
          new ExitDao(c).insertResults(List.of(Fixtures.result(1, true, 103)));
        });
    assertThat(list(c -> new ExitDao(c).epoch(2)))
        .extracting(ExitRow::id)
        .containsExactly(BigInteger.valueOf(4), BigInteger.valueOf(5), BigInteger.valueOf(6));
    assertThat(opt(c -> new CheckpointDao(c).latestOfEpoch(1)))
        .hasValueSatisfying(cp -> assertThat(cp.checkpointBlock()).isEqualTo(10));
    assertThat(opt(c -> new CheckpointDao(c).firstAbove(8)))
        .hasValueSatisfying(cp -> assertThat(cp.checkpointBlock()).isEqualTo(10));
    var firstPage = db.read(c -> new CheckpointDao(c).page(Optional.empty(), 2));
    assertThat(firstPage).extracting(cp -> cp.blockNumber()).containsExactly(102L, 101L);
    assertThat(list(c -> new CheckpointDao(c).page(Optional.of(firstPage.get(1)), 2)))
        .extracting(cp -> cp.blockNumber())
        .containsExactly(100L);
    assertThat(firstPage.get(0)).isEqualTo(Fixtures.checkpoint(2, 14, 102, false));
    // exits at blocks 3, 6, 9 are below checkpoint block 10: exit 1 exited, 2 and 3 waiting
    StatusCounts counts = db.read(c -> new ExitDao(c).statusCounts());
    assertThat(counts).isEqualTo(new StatusCounts(3, 2, 1, 0));
  }

  @Test
  void journalRecordsAndResumesTransactions() throws Exception {
    Instant t0 = Instant.ofEpochMilli(1_000);
    long id =
        writer
            .call(
                c ->
                    new JournalDao(c)
                        .record(
                            ChainRole.ROOT,
                            Fixtures.ALICE,
                            7,
                            Bytes.of(new byte[] {2, 1}),
                            Fixtures.hash(1, 77),
                            TxPurpose.EXIT,
                            Optional.of(U256_MAX),
                            t0))
            .get();
    assertThat(list(c -> new JournalDao(c).unfinished())).hasSize(1);
    writer
        .call(
            c ->
                new JournalDao(c)
                    .updateState(id, TxState.MINED, OptionalLong.of(55), Optional.empty(), t0))
        .get();
    var e = db.read(c -> new JournalDao(c).byTxHash(Fixtures.hash(1, 77))).orElseThrow();
    assertThat(e.state()).isEqualTo(TxState.MINED);
    assertThat(e.blockNumber()).hasValue(55);
    assertThat(e.relatedId()).contains(U256_MAX);
    assertThat(list(c -> new JournalDao(c).unfinished())).isEmpty();
    assertThat(list(c -> new JournalDao(c).forRelated(TxPurpose.EXIT, U256_MAX))).hasSize(1);
  }

  @Test
  void watchesAndSettings() throws Exception {
    write(
        c -> {
          var w = new WatchDao(c);
          w.watch(
              WatchKind.ADDRESS,
              Bytes.of(Fixtures.ALICE.bytes()),
              Optional.of("me"),
              Instant.EPOCH);
          w.watch(
              WatchKind.ADDRESS,
              Bytes.of(Fixtures.ALICE.bytes()),
              Optional.of("alice"),
              Instant.EPOCH);
          w.putSetting("theme", "dark");
        });
    assertThat(list(c -> new WatchDao(c).all()))
        .singleElement()
        .satisfies(w -> assertThat(w.label()).contains("alice"));
    assertThat(opt(c -> new WatchDao(c).setting("theme"))).contains("dark");
  }

  @Test
  void cursorAndBlockHashes() throws Exception {
    Hash32 h = Fixtures.hash(3, 2);
    write(
        c ->
            new CursorDao(c)
                .saveBlockHashes(
                    ChainRole.CHILD,
                    List.of(
                        new io.bridgescope.core.store.rows.BlockHashRow(
                            3, h, Fixtures.hash(2, 2)))));
    assertThat(opt(c -> new CursorDao(c).blockHash(ChainRole.CHILD, 3)))
        .hasValueSatisfying(b -> assertThat(b.hash()).isEqualTo(h));
    assertThat(opt(c -> new CursorDao(c).get(ChainRole.CHILD))).isEmpty();
  }
}
