package io.bridgescope.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;

/** A storage failure with a message a user can act on; {@link #reason()} lets callers branch. */
public class StoreException extends RuntimeException {

  /** Why the store failed. */
  public enum Reason {
    /** The file is damaged or not a database: move it aside and re-index. */
    CORRUPT,
    /** Written by a newer Bridgescope whose schema this version does not know. */
    TOO_NEW,
    /** The writer was closed (application shutting down). */
    CLOSED,
    /** The disk is full; the write was rolled back whole, nothing stored was lost. */
    FULL,
    /** The write-ahead log ({@code -wal}) was removed or cut short while the file was open. */
    WAL_LOST,
    /** A team index's PostgreSQL server cannot be reached (host, port, network). */
    UNREACHABLE,
    /** The PostgreSQL server refused the user or password. */
    AUTH,
    /** Another indexer holds the team index's writer lock. */
    LOCKED,
    /** The connection to the PostgreSQL server broke; the unfinished batch was rolled back. */
    CONNECTION_LOST,
    /** A write was tried on a store opened read-only. */
    READ_ONLY,
    /** A team index whose schema is older than this build: its indexer has not upgraded it yet. */
    TOO_OLD,
    /** A team index whose pinned chains are not the network it is read as. */
    OTHER_NETWORK,
    /** Any other SQL or file-system failure. */
    FAILED
  }

  private final Reason reason;

  public StoreException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static StoreException corrupt(Path file, @Nullable String detail, @Nullable Throwable cause) {
    // A removed log makes SQLite's integrity check fail too, but the file itself is whole.
    if (WalIndex.logMissing(file)) {
      return walLost(file, cause);
    }
    return new StoreException(
        Reason.CORRUPT,
        "The database "
            + file
            + " is damaged ("
            + detail
            + "). Close Bridgescope, move the file aside (e.g. rename it to '"
            + file.getFileName()
            + ".broken') and start again: the bridge history is re-indexed from the chains."
            + " Pending wallet transactions recorded in it are then no longer tracked.",
        cause);
  }

  static StoreException tooNew(Path file, int found, int known) {
    return tooNew(file.toString(), found, known);
  }

  static StoreException tooNew(String location, int found, int known) {
    return new StoreException(
        Reason.TOO_NEW,
        "The database "
            + location
            + " has schema version "
            + found
            + ", written by a newer Bridgescope; this version knows up to "
            + known
            + ". Use the newer Bridgescope, or move the file aside to re-index with this one.",
        null);
  }

  static StoreException closed(Object location) {
    return new StoreException(
        Reason.CLOSED,
        "The store writer for " + location + " is closed; nothing was written.",
        null);
  }

  /**
   * Any other failure; a full disk and a removed write-ahead log are recognised and explained, as
   * SQLite's own words ("database or disk is full", "disk I/O error") do not say what to do.
   */
  static StoreException failed(Path file, String action, Throwable cause) {
    if (isDiskFull(cause)) {
      return full(file, action, cause);
    }
    if (hasCode(cause, SQLiteErrorCode.SQLITE_IOERR) && WalIndex.logMissing(file)) {
      return walLost(file, cause);
    }
    return new StoreException(
        Reason.FAILED,
        "Database " + file + ": could not " + action + ": " + cause.getMessage(),
        cause);
  }

  static StoreException full(Path file, String action, Throwable cause) {
    return new StoreException(
        Reason.FULL,
        "The disk holding "
            + file.getParent()
            + " is full: could not "
            + action
            + " "
            + file.getFileName()
            + ". Free some space there and run again. Nothing stored was lost: the last write was"
            + " rolled back whole (the indexer reads that batch again from the chain).",
        cause);
  }

  static StoreException walLost(Path file, @Nullable Throwable cause) {
    return new StoreException(
        Reason.WAL_LOST,
        "The write-ahead log "
            + file
            + "-wal was removed (or cut short) while the database was open, e.g. by a running"
            + " `bridgescope demo` or the desktop app; what was written since its last checkpoint"
            + " may be lost. Stop every Bridgescope that uses "
            + file
            + ", then run again. If the error stays, move the file aside (rename it to '"
            + file.getFileName()
            + ".broken') and run `bridgescope index` to rebuild it from the chains, or restore a"
            + " backup: pending wallet transactions are recorded only in it.",
        cause);
  }

  private static boolean isDiskFull(Throwable e) {
    if (hasCode(e, SQLiteErrorCode.SQLITE_FULL)) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a SQLException in the chain has {@code code} as its primary result code. */
  static boolean hasCode(Throwable e, SQLiteErrorCode code) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // extended codes carry the primary one in the low byte
      if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == code.code) {
        return true;
      }
    }
    return false;
  }
}
