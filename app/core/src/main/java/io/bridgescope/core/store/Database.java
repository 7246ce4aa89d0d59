package io.bridgescope.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * One network's store: a SQLite database file (the default) or a team index on PostgreSQL ({@link
 * #openPostgres}, docs/decisions/0017). SQLite: one network's database file. {@link #open(Path)}
 * checks the file is whole, refuses a schema newer than this build and applies pending migrations.
 * Afterwards one {@link StoreWriter} writes and any number of readers use their own read-only
 * connections ({@link #openReader()}).
 *
 * <p>Every connection uses WAL (readers never block the writer), enforces foreign keys and waits
 * {@value #BUSY_TIMEOUT_MS} ms on a lock instead of failing at once.
 */
public final class Database {

  static final int BUSY_TIMEOUT_MS = 5_000;

  private final @Nullable Path file;
  private final @Nullable PgStore pg;
  private final boolean writable;
  private final boolean waitForWriter;

  private Database(Path file) {
    this.file = file;
    this.pg = null;
    this.writable = true;
    this.waitForWriter = false;
  }

  private Database(PgStore pg, boolean writable, boolean waitForWriter) {
    this.file = null;
    this.pg = pg;
    this.writable = writable;
    this.waitForWriter = waitForWriter;
  }

  /**
   * Opens a team index on PostgreSQL. A writer ({@code writable}) migrates it to this build's
   * schema, and its {@link StoreWriter} takes the one-writer lock (waiting for the current holder
   * with {@code waitForWriter}, else failing with {@link StoreException.Reason#LOCKED}). A reader
   * only reads, on read-only sessions whatever its role may do, and needs the schema at this
   * build's level. {@code env} is the environment the password comes from ({@code PGPASSWORD}).
   */
  public static Database openPostgres(
      PgTarget target, Map<String, String> env, boolean writable, boolean waitForWriter) {
    PgStore store = new PgStore(target, env);
    Database db = new Database(store, writable, waitForWriter);
    try (Connection c = store.connect(!writable)) {
      int found = Dialect.POSTGRESQL.schemaVersion(c);
      if (found > Migrations.LATEST) {
        throw StoreException.tooNew(target.toString(), found, Migrations.LATEST);
      }
      if (writable) {
        Migrations.migrate(c, Migrations.LATEST, Dialect.POSTGRESQL);
      } else if (found < Migrations.LATEST) {
        throw new StoreException(
            StoreException.Reason.TOO_OLD,
            found == 0
                ? "The team index "
                    + target
                    + " is empty: start its indexer (bridgescope index --follow --db ...) first."
                : "The team index "
                    + target
                    + " has schema version "
                    + found
                    + ", older than this Bridgescope's "
                    + Migrations.LATEST
                    + ": its indexer upgrades it when it runs this version.",
            null);
      }
    } catch (SQLException e) {
      throw store.failure(writable ? "open it for writing" : "open it", e);
    }
    return db;
  }

  /** Opens (creating if needed) and migrates to the latest schema. */
  public static Database open(Path file) {
    return open(file, Migrations.LATEST);
  }

  /** Opens and migrates up to {@code targetVersion} only: lets tests build older databases. */
  static Database open(Path file, int targetVersion) {
    Path f = file.toAbsolutePath();
    boolean existed;
    try {
      Files.createDirectories(f.getParent());
      existed = Files.exists(f) && Files.size(f) > 0;
    } catch (IOException e) {
      throw StoreException.failed(f, "create its folder", e);
    }
    Database db = new Database(f);
    try (Connection c = db.connect(false)) {
      if (existed) {
        quickCheck(c, f);
      }
      int found = Migrations.userVersion(c);
      if (found > Migrations.LATEST) {
        throw StoreException.tooNew(f, found, Migrations.LATEST);
      }
      Migrations.migrate(c, targetVersion);
    } catch (SQLException e) {
      if (isCorruption(e)) {
        throw StoreException.corrupt(f, e.getMessage(), e);
      }
      throw StoreException.failed(f, "open it", e);
    }
    return db;
  }

  /** The SQLite file; a team index has none ({@link #location()} names either). */
  public Path file() {
    if (file == null) {
      throw new IllegalStateException("a team index on PostgreSQL is not a file: " + location());
    }
    return file;
  }

  /** The file or the team index URL (without password), for messages. */
  public String location() {
    return pg != null ? pg.target().toString() : String.valueOf(file);
  }

  public Dialect dialect() {
    return pg != null ? Dialect.POSTGRESQL : Dialect.SQLITE;
  }

  /** Whether this is a team index on PostgreSQL. */
  public boolean isShared() {
    return pg != null;
  }

  /** Whether writes are allowed (a team index opened by a reader verb is read-only). */
  public boolean writable() {
    return writable;
  }

  /** A new read-only connection; the caller closes it. Reads never block the writer. */
  public Connection openReader() {
    try {
      return connect(true);
    } catch (SQLException e) {
      throw failure("open a reader", e);
    }
  }

  /**
   * Runs {@code task} on a fresh read-only connection, in one read transaction, and closes it. All
   * of the task's statements see the same snapshot: a batch the writer commits meanwhile is seen by
   * none of them or (in a later read) by all. Without it, a task that reads the cursors and then
   * the rows could see rows from beyond those cursors (solvency then judged a deposit executed on
   * the child at a block its supply was not read at).
   */
  public <T> T read(ReadTask<T> task) {
    if (pg != null) {
      try {
        return pg.read(task);
      } catch (SQLException e) {
        throw failure("read", e);
      }
    }
    try (Connection c = connect(true)) {
      c.setAutoCommit(false);
      T result;
      try {
        result = task.read(c);
      } catch (SQLException | RuntimeException e) {
        // The task's own failure is the one to judge (a removed log, a full disk), not the
        // rollback's that may follow it.
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
      c.rollback();
      return result;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * The indexer writing this team index now, or empty when none holds its writer lock (readers,
   * such as the desktop, show whether the index is being kept up). A read like any other: it fails
   * with the store's typed errors when the server cannot be reached.
   *
   * @throws IllegalStateException on a SQLite file, which has no writer lock
   */
  public Optional<TeamWriter> teamWriter() {
    if (pg == null) {
      throw new IllegalStateException("a SQLite file has no team writer: " + location());
    }
    return read(WriterLock::current);
  }

  /** The schema level of the file. */
  public int schemaVersion() {
    return read(c -> dialect().schemaVersion(c));
  }

  /**
   * The writer's connection, in manual-commit mode; only {@link StoreWriter} uses it. On a team
   * index it holds the one-writer lock.
   */
  Connection openWriteConnection() throws SQLException {
    if (!writable) {
      throw new StoreException(
          StoreException.Reason.READ_ONLY,
          "The team index " + location() + " was opened read-only: this command does not write.",
          null);
    }
    if (pg != null) {
      Connection c = pg.connect(false);
      try {
        WriterLock.acquire(c, pg, waitForWriter);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return c;
    }
    return connect(false);
  }

  /** The typed failure for {@code e}, raised while trying to {@code action}. */
  StoreException failure(String action, Throwable e) {
    if (e instanceof StoreException se) {
      return se;
    }
    return pg != null ? pg.failure(action, e) : StoreException.failed(file(), action, e);
  }

  /** Whether {@code e} means the writer's connection is gone and a new one may be opened. */
  boolean isConnectionLost(Throwable e) {
    return pg != null && PgStore.isConnectionLost(e);
  }

  private Connection connect(boolean readOnly) throws SQLException {
    if (pg != null) {
      return pg.connect(readOnly);
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.enforceForeignKeys(true);
    cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
    cfg.setReadOnly(readOnly);
    if (!readOnly) {
      cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // NORMAL is durable against a killed process in WAL mode; only a power cut may drop the
      // last commits, which the indexer then simply reads again.
      cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      // The writer inserts into tables with several indexes; a 64 MiB page cache keeps their
      // upper levels in memory during large catch-up batches.
      cfg.setCacheSize(-65536);
      cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
    }
    Connection c = cfg.createConnection("jdbc:sqlite:" + file);
    c.setAutoCommit(readOnly);
    return c;
  }

  private static void quickCheck(Connection c, Path f) throws SQLException {
    List<String> findings = new ArrayList<>();
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("PRAGMA quick_check(5)")) {
      while (rs.next()) {
        findings.add(rs.getString(1));
      }
    }
    c.commit();
    if (!findings.equals(List.of("ok"))) {
      throw StoreException.corrupt(f, "integrity check: " + String.join("; ", findings), null);
    }
  }

  private static boolean isCorruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        int code = s.getErrorCode() & 0xff; // extended codes carry the primary one in the low byte
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code
            || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
          return true;
        }
      }
    }
    return false;
  }
}
