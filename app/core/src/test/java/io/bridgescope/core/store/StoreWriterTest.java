package io.bridgescope.core.store;

import static io.bridgescope.core.store.Fixtures.cursor;
import static io.bridgescope.core.store.Fixtures.deposit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Cursor;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {

  @TempDir Path dir;
  Database db;
  StoreWriter writer;

  /** The store under test; the PostgreSQL variants override this. */
  Database openStore() {
    return Database.open(dir.resolve("w.db"));
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

  @Test
  void batchAndCursorCommitTogether() throws Exception {
    writer
        .submit(
            Batch.advancing(
                cursor(ChainRole.ROOT, 10),
                List.of(c -> new StateSyncDao(c).insert(List.of(deposit(1, 9), deposit(2, 10))))))
        .get();
    Optional<Cursor> cur = db.read(c -> new CursorDao(c).get(ChainRole.ROOT));
    assertThat(cur).contains(cursor(ChainRole.ROOT, 10));
    long n = db.read(c -> new StateSyncDao(c).count());
    assertThat(n).isEqualTo(2);
  }

  @Test
  void failingOpRollsBackTheWholeBatchAndTheCursor() throws Exception {
    writer
        .submit(
            Batch.advancing(
                cursor(ChainRole.ROOT, 5),
                List.of(c -> new StateSyncDao(c).insert(List.of(deposit(1, 5))))))
        .get();

    var failed =
        writer.submit(
            Batch.advancing(
                cursor(ChainRole.ROOT, 8),
                List.of(
                    c -> new StateSyncDao(c).insert(List.of(deposit(2, 6), deposit(3, 7))),
                    c -> {
                      throw new SQLException("decoder blew up");
                    })));

    assertThatThrownBy(failed::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("decoder blew up");
    long n = db.read(c -> new StateSyncDao(c).count());
    assertThat(n).isEqualTo(1);
    Optional<Cursor> cur = db.read(c -> new CursorDao(c).get(ChainRole.ROOT));
    assertThat(cur).contains(cursor(ChainRole.ROOT, 5));

    // the writer keeps working after a failed batch
    writer.submit(Batch.of(c -> new StateSyncDao(c).insert(List.of(deposit(2, 6))))).get();
    long after = db.read(c -> new StateSyncDao(c).count());
    assertThat(after).isEqualTo(2);
  }

  @Test
  void reinsertingAfterACrashNeverDuplicates() throws Exception {
    var rows = List.of(deposit(1, 1), deposit(2, 2));
    int first = writer.call(c -> new StateSyncDao(c).insert(rows)).get();
    int again = writer.call(c -> new StateSyncDao(c).insert(rows)).get();
    writer
        .call(
            c -> {
              new ExitDao(c).insert(List.of(Fixtures.withdrawal(1, 3, 0)));
              new ExitDao(c).insert(List.of(Fixtures.withdrawal(1, 3, 0)));
              new CommitmentDao(c).insert(List.of(Fixtures.commitment(1, 2, 4)));
              new CommitmentDao(c).insert(List.of(Fixtures.commitment(1, 2, 4)));
              new CheckpointDao(c).insert(List.of(Fixtures.checkpoint(1, 10, 20, true)));
              new CheckpointDao(c).insert(List.of(Fixtures.checkpoint(1, 10, 20, true)));
              new StateSyncDao(c).insertResults(List.of(Fixtures.result(1, true, 5)));
              new StateSyncDao(c).insertResults(List.of(Fixtures.result(1, true, 5)));
              return null;
            })
        .get();
    assertThat(first).isEqualTo(2);
    assertThat(again).isZero();
    long[] counts =
        db.read(
            c ->
                new long[] {
                  new StateSyncDao(c).count(),
                  new ExitDao(c).count(),
                  new CommitmentDao(c).count(),
                  new CheckpointDao(c).count(),
                  new StateSyncDao(c).results(java.math.BigInteger.ONE).size(),
                  new CheckpointDao(c).latest().orElseThrow().newValidatorSet().size()
                });
    assertThat(counts).containsExactly(2, 1, 1, 1, 1, 2);
  }

  @Test
  void closedWriterFailsNewWorkWithTypedError() {
    writer.close();
    assertThatThrownBy(() -> writer.submit(Batch.of()).get())
        .cause()
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CLOSED));
  }

  @Test
  void writerRunsOnItsOwnNamedDaemonThread() throws Exception {
    Thread t = writer.call(c -> Thread.currentThread()).get();
    assertThat(t.getName()).isEqualTo("bridgescope-store-writer");
    assertThat(t.isDaemon()).isTrue();
  }
}
