package io.bridgescope.core.chain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chain access failure naming the node and the call, typed by {@link #kind()}. Only a {@link
 * RpcErrorKind#REVERT} (or a {@link RpcErrorKind#REJECTED} transaction) carries a {@link
 * #revertReason()}: every other kind means the node gave no answer.
 */
public class ChainException extends RuntimeException {

  private final RpcErrorKind kind;
  private final @Nullable String revertReason;

  public ChainException(
      RpcErrorKind kind, String message, @Nullable String revertReason, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    if (revertReason != null && kind != RpcErrorKind.REVERT && kind != RpcErrorKind.REJECTED) {
      throw new IllegalArgumentException("only a revert or a rejection carries a reason");
    }
    this.revertReason = revertReason;
  }

  public ChainException(RpcErrorKind kind, String message, @Nullable Throwable cause) {
    this(kind, message, null, cause);
  }

  public ChainException(RpcErrorKind kind, String message) {
    this(kind, message, null, null);
  }

  /** A call that reverted with {@code reason} (e.g. {@code INSUFFICIENT_VOTING_POWER}). */
  public static ChainException revert(String message, @Nullable String reason) {
    return new ChainException(RpcErrorKind.REVERT, message, reason, null);
  }

  /** A transaction the node refused with {@code reason} (e.g. {@code nonce too low}). */
  public static ChainException rejected(String message, @Nullable String reason) {
    return new ChainException(RpcErrorKind.REJECTED, message, reason, null);
  }

  /** An answer that is not JSON-RPC or contradicts the question. */
  public static ChainException badReply(String message, @Nullable Throwable cause) {
    return new ChainException(RpcErrorKind.BAD_REPLY, message, cause);
  }

  public RpcErrorKind kind() {
    return kind;
  }

  /**
   * The decoded revert reason of a {@link RpcErrorKind#REVERT} (or the node's words for a {@link
   * RpcErrorKind#REJECTED} transaction); null for every other kind.
   */
  public @Nullable String revertReason() {
    return revertReason;
  }
}
