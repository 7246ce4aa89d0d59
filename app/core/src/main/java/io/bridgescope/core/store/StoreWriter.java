package io.bridgescope.core.store;

import io.bridgescope.core.concurrent.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of a {@link Database}: one named daemon thread runs submitted work in order, each
 * {@link Batch} or {@link WriteTask} in one transaction. SQLite allows one writer at a time anyway;
 * funnelling writes through one thread makes that explicit and batches commits.
 *
 * <p>A failing op rolls back its whole batch, cursor included, and fails the returned future with a
 * {@link StoreException}; later batches still run.
 */
public final class StoreWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final Database db;
  private final Clock clock;
  private Connection conn;
  private final ExecutorService thread;

  public StoreWriter(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    try {
      this.conn = db.openWriteConnection();
    } catch (SQLException e) {
      throw db.failure("open the writer", e);
    }
    this.thread = Threads.single("bridgescope-store-writer");
  }

  /** Commits all ops of {@code batch} and its cursor together, or none of them. */
  public CompletableFuture<Void> submit(Batch batch) {
    return call(
        c -> {
          for (WriteOp op : batch.ops()) {
            op.apply(c);
          }
          if (batch.cursor().isPresent()) {
            new CursorDao(c).save(batch.cursor().get(), clock.instant());
          }
          return null;
        });
  }

  /** Runs {@code task} in one transaction and completes with its result. */
  public <T> CompletableFuture<T> call(WriteTask<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      thread.execute(() -> run(task, result));
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(StoreException.closed(db.location()));
    }
    return result;
  }

  /** The clock the writer stamps cursors with; DAOs writing times use the same one. */
  public Clock clock() {
    return clock;
  }

  /** Finishes the queued work, then closes the connection. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("store writer for {} still busy after {}s; closing anyway", db.location(), 30);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
    }
    try {
      conn.close();
    } catch (SQLException e) {
      LOG.warn(
          "closing the store writer connection for {} failed: {}", db.location(), e.getMessage());
      LOG.debug("close failure", e);
    }
  }

  private <T> void run(WriteTask<T> task, CompletableFuture<T> result) {
    for (int attempt = 1; ; attempt++) {
      try {
        T value = task.apply(conn);
        conn.commit();
        result.complete(value);
        return;
      } catch (Exception | Error e) {
        rollback();
        // Another process (the CLI wallet beside a running demo) committed between this batch's
        // first read and its first write: SQLite answers SQLITE_BUSY_SNAPSHOT at once, without
        // the busy wait. The batch was rolled back whole, so it is simply run again.
        if (attempt < BUSY_RETRIES && isBusy(e)) {
          sleepQuietly(20L * attempt);
          continue;
        }
        // A team index whose connection broke (server restart, network cut): PostgreSQL rolled
        // the batch back whole, so it is written again on a new connection, which takes the
        // writer lock again first.
        if (db.isConnectionLost(e) && reconnect(e)) {
          continue;
        }
        result.completeExceptionally(db.failure("write", e));
        return;
      }
    }
  }

  private static final int BUSY_RETRIES = 50;

  /** Reconnection attempts after a lost connection, one every 0.5 s to 5 s (about 5 minutes). */
  static final int RECONNECT_ATTEMPTS = 64;

  private boolean reconnect(Throwable cause) {
    // The driver's message may quote the whole failed statement; the first line says enough.
    String why = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    LOG.warn(
        "connection to {} lost ({}); reconnecting",
        db.location(),
        why.length() > 160 ? why.substring(0, 160) + "…" : why);
    try {
      conn.close();
    } catch (SQLException ignored) {
      // it is broken already
    }
    for (int i = 1; i <= RECONNECT_ATTEMPTS && !Thread.currentThread().isInterrupted(); i++) {
      try {
        conn = db.openWriteConnection();
        LOG.info("reconnected to {}", db.location());
        return true;
      } catch (StoreException e) {
        if (e.reason() == StoreException.Reason.LOCKED) {
          LOG.warn("{}", e.getMessage());
          return false; // another indexer took over meanwhile
        }
        LOG.debug("reconnect attempt {} failed: {}", i, e.getMessage());
      } catch (SQLException e) {
        LOG.debug("reconnect attempt {} failed: {}", i, e.getMessage());
      }
      sleepQuietly(Math.min(5_000L, 500L * i));
    }
    return false;
  }

  private static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The driver opens the next transaction right after a rollback, but skips that when the rollback
   * itself fails; without it every statement of the next batch would commit on its own, and a batch
   * would no longer be all or nothing.
   */
  private void reopenTransaction() {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN");
    } catch (SQLException e) {
      LOG.warn("could not begin a transaction on {}: {}", db.location(), e.getMessage());
      LOG.debug("begin failure", e);
    }
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException e) {
      // After SQLITE_FULL (and some I/O errors) SQLite has already rolled the transaction back
      // itself; the failure that caused it is reported to the caller, so this is no news.
      if (e.getMessage() != null && e.getMessage().contains("no transaction is active")) {
        LOG.debug("{}: SQLite had already rolled back", db.location());
        reopenTransaction();
        return;
      }
      // One line on the console; the stack trace only at debug level.
      LOG.warn(
          "rollback on {} failed, the connection may be unusable: {}",
          db.location(),
          e.getMessage());
      LOG.debug("rollback failure", e);
    }
  }
}
