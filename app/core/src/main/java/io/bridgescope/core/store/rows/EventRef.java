package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.util.Objects;

/**
 * Where a log was read: block (number and header time in unix seconds), transaction and the log's
 * index in the block. {@code (txHash, logIndex)} is the natural key that makes re-inserts no-ops.
 */
public record EventRef(long blockNumber, long blockTime, Hash32 txHash, int logIndex) {

  public EventRef {
    Objects.requireNonNull(txHash, "txHash");
    if (blockNumber < 0 || logIndex < 0) {
      throw new IllegalArgumentException(
          "event: block " + blockNumber + " and log index " + logIndex + " must be >= 0");
    }
  }
}
