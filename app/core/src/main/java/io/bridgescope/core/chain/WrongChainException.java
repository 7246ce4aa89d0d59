package io.bridgescope.core.chain;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A node (or a database) that belongs to another chain than the one the network profile describes.
 * Nothing is read from such a node and nothing is written; the message names both sides and what to
 * change.
 */
public final class WrongChainException extends ChainException {

  /** What did not match. */
  public enum Mismatch {
    /** {@code eth_chainId} differs from the profile's chain id. */
    CHAIN_ID,
    /** A contract address of the profile holds no code on that chain. */
    NO_CODE,
    /** The chain's genesis block differs from the one the database was built from. */
    GENESIS
  }

  private final Mismatch mismatch;
  private final @Nullable URI node;

  private WrongChainException(Mismatch mismatch, @Nullable URI node, String message) {
    super(RpcErrorKind.WRONG_CHAIN, message);
    this.mismatch = mismatch;
    this.node = node;
  }

  public static WrongChainException chainId(
      String network, String chain, long profileId, long nodeId, URI node) {
    return new WrongChainException(
        Mismatch.CHAIN_ID,
        node,
        "wrong chain: the "
            + chain
            + " node "
            + node
            + " reports chain id "
            + nodeId
            + " but network '"
            + network
            + "' says "
            + chain
            + " chain id "
            + profileId
            + "; fix the "
            + chain
            + " RPC URL or chainId in the network profile");
  }

  public static WrongChainException noCode(
      String network, String chain, String contract, Address address, URI node) {
    return new WrongChainException(
        Mismatch.NO_CODE,
        node,
        "wrong chain or address: "
            + contract
            + " "
            + address
            + " of network '"
            + network
            + "' holds no code on the "
            + chain
            + " chain at "
            + node
            + "; fix the address in the network profile or point it at the chain it was"
            + " deployed on");
  }

  public static WrongChainException otherGenesis(
      String network, String chain, Hash32 pinned, Hash32 found, URI node, String database) {
    return new WrongChainException(
        Mismatch.GENESIS,
        node,
        "this database was built from a different "
            + chain
            + " chain with the same id (restarted devnet or fork): genesis "
            + pinned
            + " in the database, "
            + found
            + " at "
            + node
            + "; move/delete "
            + database
            + " or choose another network than '"
            + network
            + "'");
  }

  /** A database indexed before genesis pins whose recent blocks the chain does not have. */
  public static WrongChainException otherBlocks(
      String network,
      String chain,
      long block,
      Hash32 indexed,
      @Nullable URI node,
      String database) {
    return new WrongChainException(
        Mismatch.GENESIS,
        node,
        "this database was built from a different "
            + chain
            + " chain with the same id (restarted devnet or fork): it indexed block "
            + block
            + " as "
            + indexed
            + ", which "
            + (node == null ? "the chain" : node)
            + " does not have; move/delete "
            + database
            + " or choose another network than '"
            + network
            + "'");
  }

  /** Two endpoints of one chain disagree about its genesis (one is another chain). */
  public static WrongChainException endpointsDisagree(
      String network, String chain, URI first, Hash32 firstHash, URI node, Hash32 found) {
    return new WrongChainException(
        Mismatch.GENESIS,
        node,
        "the "
            + chain
            + " RPC endpoints of network '"
            + network
            + "' are on different chains: "
            + first
            + " has genesis "
            + firstHash
            + ", "
            + node
            + " has "
            + found
            + "; remove the wrong endpoint from the network profile");
  }

  public Mismatch mismatch() {
    return mismatch;
  }

  public @Nullable URI node() {
    return node;
  }
}
