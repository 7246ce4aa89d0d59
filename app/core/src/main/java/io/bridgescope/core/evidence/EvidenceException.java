package io.bridgescope.core.evidence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An evidence bundle that cannot be read: too large, not JSON, another format, or a field that is
 * missing or malformed. The message names the file's field and what to do; a bundle that reads but
 * does not check out is not an exception but a failed {@link EvidenceCheck}.
 */
public final class EvidenceException extends RuntimeException {

  /** What is wrong with the file. */
  public enum Reason {
    /** Above the size limits ({@link EvidenceJson#MAX_BYTES} and the per-field limits). */
    TOO_LARGE,
    /** Not one JSON object. */
    NOT_JSON,
    /** A JSON object, but not a bundle of a format this version reads. */
    WRONG_FORMAT,
    /** A field that is missing, malformed or unknown. */
    BAD_FIELD
  }

  private final Reason reason;

  public EvidenceException(Reason reason, String message) {
    this(reason, message, null);
  }

  public EvidenceException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
