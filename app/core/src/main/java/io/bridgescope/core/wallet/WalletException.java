package io.bridgescope.core.wallet;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Why the wallet will not (or could not) send a transaction, in words a user can act on. */
public final class WalletException extends RuntimeException {

  /** What went wrong, for callers that branch. */
  public enum Kind {
    /** The exit or deposit was already processed on chain: nothing to do. */
    ALREADY_PROCESSED,
    /** A transaction for the same exit or deposit is signed or pending: wait for it. */
    IN_FLIGHT,
    /** Not ready yet (no checkpoint / commitment covers it), or not found in the index. */
    NOT_READY,
    /** The local tree's root differs from the one on chain: the proof would be refused. */
    ROOT_MISMATCH,
    /** The simulated call ({@code eth_call}) reverts; the message carries the decoded reason. */
    CALL_REVERTS,
    /** The sender cannot pay the gas (or the value, or the token amount). */
    INSUFFICIENT_FUNDS,
    /** Signed and journaled, but the node could not be reached: it will be resent on resume. */
    NOT_SENT,
    /** The node refused the signed transaction. */
    REJECTED,
    /** Mined but reverted. */
    FAILED_ON_CHAIN,
    /** Sent but not mined within the wait; the journal keeps following it. */
    TIMEOUT,
    /** A transaction file is malformed, tampered with, or for another chain or key. */
    BAD_FILE,
    /** The node could not be asked (before anything was signed). */
    CHAIN_ERROR,
    /**
     * Not a known bridge call to the profile's contracts, above a fee ceiling, or not what was
     * reviewed: the message names each field. Nothing was signed or sent.
     */
    REFUSED,
    /**
     * The receiver is the zero address: the funds would be destroyed. Refused unless the user asked
     * for it explicitly (CLI {@code --allow-burn}).
     */
    BURN
  }

  private final Kind kind;

  public WalletException(Kind kind, String message) {
    this(kind, message, null);
  }

  public WalletException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  /** A proof that could not be built or checked, before anything was signed. */
  static WalletException fromProof(io.bridgescope.core.proof.ProofException e) {
    Kind k =
        switch (e.reason()) {
          case ROOT_MISMATCH -> Kind.ROOT_MISMATCH;
          case CHAIN_ERROR -> Kind.CHAIN_ERROR;
          default -> Kind.NOT_READY;
        };
    return new WalletException(k, e.getMessage() + "; nothing was signed", e);
  }
}
