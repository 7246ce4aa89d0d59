package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import java.util.Objects;

/** The chain a database was built from: its chain id and the hash of its genesis block. */
public record ChainPin(ChainRole chain, long chainId, Hash32 genesisHash) {

  public ChainPin {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(genesisHash, "genesisHash");
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id " + chainId + " is negative");
    }
  }
}
