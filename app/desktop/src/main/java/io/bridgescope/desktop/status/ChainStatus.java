package io.bridgescope.desktop.status;

import java.util.OptionalLong;

/**
 * One chain as the status bar shows it.
 *
 * @param label "root" or "child" (or the network's own chain names)
 * @param head the chain's latest block, if known
 * @param indexed the last block the indexer has processed, if any
 * @param rpc endpoint health
 * @param rpcDetail a short reason for a non-OK health ("timeout after 10 s"), or empty
 */
public record ChainStatus(
    String label, OptionalLong head, OptionalLong indexed, RpcHealth rpc, String rpcDetail) {

  public static ChainStatus unknown(String label) {
    return new ChainStatus(
        label, OptionalLong.empty(), OptionalLong.empty(), RpcHealth.UNKNOWN, "");
  }

  /** Blocks the index is behind the head; empty when either is unknown. */
  public OptionalLong lag() {
    if (head.isEmpty() || indexed.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(0, head.getAsLong() - indexed.getAsLong()));
  }
}
