package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import java.util.Objects;

/** How far a chain is indexed: the last block whose rows are all stored. */
public record Cursor(ChainRole chain, long lastBlock, Hash32 lastBlockHash) {

  public Cursor {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(lastBlockHash, "lastBlockHash");
    if (lastBlock < 0) {
      throw new IllegalArgumentException("cursor: block " + lastBlock + " is negative");
    }
  }
}
