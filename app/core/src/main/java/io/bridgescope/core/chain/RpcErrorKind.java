package io.bridgescope.core.chain;

/**
 * What went wrong when a node was asked something. Each kind is handled on its own: only {@link
 * #REVERT} (and {@link #REJECTED} for a transaction) is an answer about the call itself; every
 * other kind says the node could not give an answer, and is never read as a value.
 */
public enum RpcErrorKind {
  /** The EVM reverted the call; the node answered, and the reason is the answer. */
  REVERT,
  /** The node refused a transaction (nonce too low, underpriced, already known…). */
  REJECTED,
  /** The node has no state (or no header) for the block asked: a pruned, non-archive node. */
  MISSING_STATE,
  /**
   * The provider refused an eth_getLogs as too wide or too large ("query returned more than 10000
   * results", "eth_getLogs is limited to a 10,000 range"): the node is fine, a smaller range works
   * (see {@link BlockRange}).
   */
  LOG_RANGE,
  /** The provider throttles us (HTTP 429, -32005 and similar). Waiting helps. */
  RATE_LIMITED,
  /** No answer: connection refused or reset, timeout, HTTP 5xx. */
  TRANSPORT,
  /** An answer that is not valid JSON-RPC, or that contradicts the question. */
  BAD_REPLY,
  /** The node is not on the chain the profile (or the database) describes. */
  WRONG_CHAIN,
  /** Any other JSON-RPC error the node gave. */
  OTHER_RPC_ERROR;

  /** Whether asking the same node again later may succeed. */
  public boolean transientFault() {
    return this == RATE_LIMITED
        || this == TRANSPORT
        || this == BAD_REPLY
        || this == OTHER_RPC_ERROR;
  }
}
