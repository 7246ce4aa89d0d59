package io.bridgescope.core.chain;

import java.net.URI;

/**
 * A node has no state for a block we need: it is not an archive node (or it pruned the block). The
 * indexing step that needed the block stops here instead of reading the gap as "nothing happened";
 * the message says what to configure.
 */
public final class MissingStateException extends ChainException {

  private final long block;
  private final URI node;

  public MissingStateException(String chain, URI node, long block, String nodeWords) {
    super(
        RpcErrorKind.MISSING_STATE,
        chain
            + " node "
            + node
            + " has no historical state for block "
            + (block < 0 ? "(unknown)" : Long.toString(block))
            + " ("
            + nodeWords
            + "); configure an archive node for the "
            + chain
            + " chain in the network profile");
    this.block = block;
    this.node = node;
  }

  /** The block whose state was asked for; -1 when the call named none. */
  public long block() {
    return block;
  }

  public URI node() {
    return node;
  }
}
