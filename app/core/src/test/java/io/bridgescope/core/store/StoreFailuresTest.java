package io.bridgescope.core.store;

import static io.bridgescope.core.store.Fixtures.cursor;
import static io.bridgescope.core.store.Fixtures.deposit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A full disk and a removed write-ahead log are explained, and nothing stored is lost. */
class StoreFailuresTest {

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger writerLog = (Logger) LoggerFactory.getLogger(StoreWriter.class);

  @BeforeEach
  void captureLog() {
    log.start();
    writerLog.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    writerLog.detachAppender(log);
  }

  /**
   * SQLite is told the file may grow by two pages only ({@code max_page_count}, a setting of the
   * writer's connection), so a large batch meets SQLITE_FULL exactly as on a full disk.
   */
  static void limitGrowth(StoreWriter w) throws Exception {
    w.call(
            c -> {
              try (var s = c.createStatement();
                  var rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                long pages = rs.getLong(1);
                s.execute("PRAGMA max_page_count = " + (pages + 2));
              }
              return null;
            })
        .get();
  }

  static Batch bigBatch(long firstId, long count) {
    List<StateSyncRow> rows = new ArrayList<>();
    for (long i = firstId; i < firstId + count; i++) {
      rows.add(deposit(i, i));
    }
    return Batch.advancing(
        cursor(ChainRole.ROOT, firstId + count), List.of(c -> new StateSyncDao(c).insert(rows)));
  }

  @Test
  void aFullDiskIsExplainedRolledBackAndLogsNoStackTrace() throws Exception {
    Database db = Database.open(dir.resolve("full.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(bigBatch(1, 10)).get();
      limitGrowth(w);
      assertThatThrownBy(() -> w.submit(bigBatch(11, 5000)).get())
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.FULL))
          .hasMessageContaining("The disk holding " + dir.toAbsolutePath() + " is full")
          .hasMessageContaining("full.db")
          .hasMessageContaining("Free some space")
          .hasMessageContaining("Nothing stored was lost")
          .hasMessageContaining("rolled back");
      // the batch and its cursor are gone together; what was there before is intact
      long rows = db.read(c -> new StateSyncDao(c).count());
      assertThat(rows).isEqualTo(10L);
      Optional<Cursor> cur = db.read(c -> new CursorDao(c).get(ChainRole.ROOT));
      assertThat(cur).contains(cursor(ChainRole.ROOT, 11));
      // afterwards a batch is still all or nothing: SQLite had rolled back on its own, and the
      // writer opened the next transaction itself
      assertThatThrownBy(
              () ->
                  w.submit(
                          Batch.of(
                              c -> new StateSyncDao(c).insert(List.of(deposit(11, 11))),
                              c -> {
                                throw new java.sql.SQLException("a later op fails");
                              }))
                      .get())
          .hasMessageContaining("a later op fails");
      long still = db.read(c -> new StateSyncDao(c).count());
      assertThat(still).isEqualTo(10L);
      // and it keeps working
      w.submit(Batch.of(c -> new StateSyncDao(c).insert(List.of(deposit(11, 11))))).get();
      long after = db.read(c -> new StateSyncDao(c).count());
      assertThat(after).isEqualTo(11L);
    }
    assertThat(log.list)
        .as("nothing logged at WARN or above, and no stack trace")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .noneMatch(e -> e.getThrowableProxy() != null);
  }

  @Test
  void aRemovedWriteAheadLogIsNamedWithAWayOut() throws Exception {
    Path file = dir.resolve("index.db");
    Database db = Database.open(file);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(bigBatch(1, 10)).get();
      Files.delete(Path.of(file + "-wal"));
      assertThatThrownBy(() -> db.read(c -> new StateSyncDao(c).count()))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.WAL_LOST))
          .hasMessageContaining(file.toAbsolutePath() + "-wal was removed")
          .hasMessageContaining("may be lost")
          .hasMessageContaining("Stop every Bridgescope")
          .hasMessageContaining("bridgescope index")
          .hasMessageNotContaining("disk I/O error");
      // a second process opening it meanwhile is told the same, not that the file is damaged
      assertThatThrownBy(() -> Database.open(file))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.WAL_LOST));
    }
    // the writer that held the log open wrote it back on close: here nothing was lost after all
    long rows = Database.open(file).read(c -> new StateSyncDao(c).count());
    assertThat(rows).isEqualTo(10L);
  }

  @Test
  void anOrdinaryIoFailureIsNotBlamedOnTheLog() {
    Path file = dir.resolve("plain.db");
    Database.open(file);
    assertThat(WalIndex.logMissing(file.toAbsolutePath())).isFalse();
  }
}
