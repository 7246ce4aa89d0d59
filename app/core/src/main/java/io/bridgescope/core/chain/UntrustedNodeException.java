package io.bridgescope.core.chain;

import java.net.URI;

/**
 * A node answered something no honest node says: logs outside the range asked, logs of contracts
 * not asked for, or a new hash for a block too deep to be reorganised. {@link ChainReader} stops
 * using the node for good (falling back to the other endpoints) and names it here.
 */
public final class UntrustedNodeException extends ChainException {

  private final URI node;

  public UntrustedNodeException(String label, URI node, String what) {
    super(
        RpcErrorKind.BAD_REPLY,
        label
            + " node "
            + node
            + " is no longer trusted: "
            + what
            + ". Remove it from the network profile or fix it; the other endpoints are used.");
    this.node = node;
  }

  /** The node that lied. */
  public URI node() {
    return node;
  }
}
