package io.bridgescope.core.network;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one chain of a bridge.
 *
 * @param chainId EIP-155 chain id; checked against {@code eth_chainId} on connect
 * @param rpcUrls JSON-RPC endpoints in fallback order: the first that answers is used
 * @param startBlock first block to index (the bridge contracts' deployment block or later)
 * @param explorerUrl block explorer base URL for "open in explorer" links, if there is one
 * @param explorerApiUrl an Etherscan-compatible API ({@code module=account&action=txlist}) used to
 *     find checkpoint submissions without an archive node; its key comes from the environment
 */
public record ChainConfig(
    long chainId,
    List<URI> rpcUrls,
    long startBlock,
    Optional<URI> explorerUrl,
    Optional<URI> explorerApiUrl) {

  public ChainConfig {
    rpcUrls = List.copyOf(rpcUrls);
    Objects.requireNonNull(explorerUrl, "explorerUrl (use Optional.empty())");
    Objects.requireNonNull(explorerApiUrl, "explorerApiUrl (use Optional.empty())");
  }

  public ChainConfig(long chainId, List<URI> rpcUrls, long startBlock, Optional<URI> explorerUrl) {
    this(chainId, rpcUrls, startBlock, explorerUrl, Optional.empty());
  }

  public ChainConfig(long chainId, List<URI> rpcUrls, long startBlock) {
    this(chainId, rpcUrls, startBlock, Optional.empty());
  }

  /** The preferred endpoint. */
  public URI primaryRpcUrl() {
    return rpcUrls.get(0);
  }
}
