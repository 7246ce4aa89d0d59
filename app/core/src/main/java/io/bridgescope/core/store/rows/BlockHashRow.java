package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.util.Objects;

/** A recently indexed block's hash and parent, kept to find where a reorg forked. */
public record BlockHashRow(long number, Hash32 hash, Hash32 parentHash) {

  public BlockHashRow {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
  }
}
