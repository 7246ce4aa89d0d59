package io.bridgescope.core.proof;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Why a proof cannot be offered, in words a user understands and a kind code can branch on. */
public final class ProofException extends RuntimeException {

  /** What went wrong. */
  public enum Reason {
    /** The message id is not in the local index (not sent, or not indexed yet). */
    NOT_INDEXED,
    /** A deposit whose id no commitment covers yet. */
    NOT_COMMITTED,
    /** An exit that no checkpoint covers yet. */
    NOT_CHECKPOINTED,
    /** Leaves of the tree are missing from the local index. */
    INCOMPLETE_INDEX,
    /** The rebuilt root differs from the stored or the on-chain root. */
    ROOT_MISMATCH,
    /** The node could not be asked for its root. */
    CHAIN_ERROR
  }

  private final Reason reason;

  public ProofException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ProofException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
