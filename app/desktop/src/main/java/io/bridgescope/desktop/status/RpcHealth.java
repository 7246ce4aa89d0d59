package io.bridgescope.desktop.status;

/** How a chain's RPC endpoint answers. */
public enum RpcHealth {
  /** No answer seen yet, or no endpoint configured. */
  UNKNOWN,
  OK,
  /** Answers, but slowly or with retries. */
  DEGRADED,
  DOWN
}
