package io.bridgescope.core.store;

import java.nio.file.Path;

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
    /** Any other SQL or file-system failure. */
    FAILED
  }

  private final Reason reason;

  public StoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static StoreException corrupt(Path file, String detail, Throwable cause) {
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
    return new StoreException(
        Reason.TOO_NEW,
        "The database "
            + file
            + " has schema version "
            + found
            + ", written by a newer Bridgescope; this version knows up to "
            + known
            + ". Use the newer Bridgescope, or move the file aside to re-index with this one.",
        null);
  }

  static StoreException closed(Path file) {
    return new StoreException(
        Reason.CLOSED, "The store writer for " + file + " is closed; nothing was written.", null);
  }

  static StoreException failed(Path file, String action, Throwable cause) {
    return new StoreException(
        Reason.FAILED,
        "Database " + file + ": could not " + action + ": " + cause.getMessage(),
        cause);
  }
}
