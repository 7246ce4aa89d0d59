package io.bridgescope.core.index;

import io.bridgescope.core.chain.RpcHealth;
import io.bridgescope.core.network.ChainRole;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where indexing of one chain stands, for the status bar and {@code status}. {@code indexedTo} is
 * the last block stored (-1: none yet); {@code head} is -1 while the node has not answered.
 */
public record IndexStatus(
    ChainRole chain,
    long indexedTo,
    long head,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt,
    List<RpcHealth> rpc) {

  public long lag() {
    return Math.max(0, head - indexedTo);
  }

  public boolean healthy() {
    return lastError == null;
  }
}
