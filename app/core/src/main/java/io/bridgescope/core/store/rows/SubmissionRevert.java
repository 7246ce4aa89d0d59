package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.util.Objects;

/**
 * Why a checkpoint submission failed on the root (receipt status 0).
 *
 * @param source where the reason came from: {@code otterscan} ({@code ots_getTransactionError}),
 *     {@code replay} (the call replayed with {@code eth_call} at the block before), or {@code none}
 *     (no node could say; the reason is then {@link #UNAVAILABLE})
 * @param blockNumber the root block of the failed submission (for reorg rewinds)
 */
public record SubmissionRevert(Hash32 submitTx, String reason, String source, long blockNumber) {

  public static final String UNAVAILABLE = "reverted, reason unavailable";

  public SubmissionRevert {
    Objects.requireNonNull(submitTx, "submitTx");
    Objects.requireNonNull(reason, "reason");
    if (!source.equals("otterscan") && !source.equals("replay") && !source.equals("none")) {
      throw new IllegalArgumentException("revert reason source: " + source);
    }
  }
}
