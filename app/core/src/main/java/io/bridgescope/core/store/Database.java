package io.bridgescope.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * One network's SQLite database file. {@link #open(Path)} checks the file is whole, refuses a
 * schema newer than this build and applies pending migrations. Afterwards one {@link StoreWriter}
 * writes and any number of readers use their own read-only connections ({@link #openReader()}).
 *
 * <p>Every connection uses WAL (readers never block the writer), enforces foreign keys and waits
 * {@value #BUSY_TIMEOUT_MS} ms on a lock instead of failing at once.
 */
public final class Database {

  static final int BUSY_TIMEOUT_MS = 5_000;

  private final Path file;

  private Database(Path file) {
    this.file = file;
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

  public Path file() {
    return file;
  }

  /** A new read-only connection; the caller closes it. Reads never block the writer. */
  public Connection openReader() {
    try {
      return connect(true);
    } catch (SQLException e) {
      throw StoreException.failed(file, "open a reader", e);
    }
  }

  /** Runs {@code task} on a fresh read-only connection and closes it. */
  public <T> T read(ReadTask<T> task) {
    try (Connection c = connect(true)) {
      return task.read(c);
    } catch (SQLException e) {
      throw StoreException.failed(file, "read", e);
    }
  }

  /** The schema level of the file. */
  public int schemaVersion() {
    return read(Migrations::userVersion);
  }

  /** The writer's connection, in manual-commit mode; only {@link StoreWriter} uses it. */
  Connection openWriteConnection() throws SQLException {
    return connect(false);
  }

  private Connection connect(boolean readOnly) throws SQLException {
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
