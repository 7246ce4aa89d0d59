package io.bridgescope.core.chain;

/** A chain access failure naming the node and the call; {@link #revertReason()} when reverted. */
public class ChainException extends RuntimeException {

  private final String revertReason;

  public ChainException(String message, String revertReason, Throwable cause) {
    super(message, cause);
    this.revertReason = revertReason;
  }

  public ChainException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public ChainException(String message) {
    this(message, null, null);
  }

  /** The decoded revert reason (e.g. {@code INSUFFICIENT_VOTING_POWER}), or null. */
  public String revertReason() {
    return revertReason;
  }
}
