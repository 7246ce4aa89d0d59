package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.util.Objects;

/** A child {@code NewEpoch(id, startBlock, endBlock, epochRoot)}: an epoch's real boundaries. */
public record EpochRow(long id, long startBlock, long endBlock, Hash32 epochRoot, EventRef event) {

  public EpochRow {
    Objects.requireNonNull(epochRoot, "epochRoot");
    Objects.requireNonNull(event, "event");
    if (id < 1 || endBlock < startBlock) {
      throw new IllegalArgumentException(
          "epoch " + id + ": blocks " + startBlock + ".." + endBlock + " are not an epoch");
    }
  }

  public long length() {
    return endBlock - startBlock + 1;
  }
}
