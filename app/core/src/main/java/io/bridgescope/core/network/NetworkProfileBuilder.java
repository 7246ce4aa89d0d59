package io.bridgescope.core.network;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects a profile piece by piece (from a file, a genesis.json, or the devnet at run time, whose
 * ports and root addresses are only known once it started). Child contracts default to Edge's
 * system addresses and the BLS scheme to {@code bn254-edge}; everything else must be set.
 */
// NullAway: a builder's fields are missing until set; build() runs only once ProfileRules.check
// finds nothing missing, an invariant NullAway cannot follow.
@SuppressWarnings("NullAway")
public final class NetworkProfileBuilder {

  /** One chain's values while they may still be missing. */
  static final class ChainDraft {
    @Nullable Long chainId;
    @Nullable List<URI> rpcUrls;
    long startBlock;
    @Nullable URI explorerUrl;
    @Nullable URI explorerApiUrl;
  }

  String name;
  final ChainDraft root = new ChainDraft();
  final ChainDraft child = new ChainDraft();
  final Map<String, Address> contracts = new LinkedHashMap<>();
  Long epochSize;
  BlsSchemeName blsScheme = BlsSchemeName.BN254_EDGE;
  Integer confirmations;
  List<ValidatorEntry> initialValidators = List.of();
  @Nullable String store;

  NetworkProfileBuilder() {
    for (String f : ProfileRules.ROOT_CONTRACTS) {
      contracts.put(f, null);
    }
    for (String f : ProfileRules.OPTIONAL_ROOT_CONTRACTS) {
      contracts.put(f, null);
    }
    contracts.put("stateReceiver", BridgeContracts.EDGE_STATE_RECEIVER);
    contracts.put("l2StateSender", BridgeContracts.EDGE_L2_STATE_SENDER);
    contracts.put("childErc20Predicate", BridgeContracts.EDGE_CHILD_ERC20_PREDICATE);
    contracts.put("validatorSet", BridgeContracts.EDGE_VALIDATOR_SET);
  }

  public NetworkProfileBuilder name(@Nullable String name) {
    this.name = name;
    return this;
  }

  public NetworkProfileBuilder root(ChainConfig c) {
    return chain(root, c);
  }

  public NetworkProfileBuilder child(ChainConfig c) {
    return chain(child, c);
  }

  public NetworkProfileBuilder rootChainId(long chainId) {
    root.chainId = chainId;
    return this;
  }

  public NetworkProfileBuilder rootRpcUrls(List<URI> urls) {
    root.rpcUrls = List.copyOf(urls);
    return this;
  }

  public NetworkProfileBuilder rootStartBlock(long block) {
    root.startBlock = block;
    return this;
  }

  public NetworkProfileBuilder rootExplorerUrl(URI url) {
    root.explorerUrl = url;
    return this;
  }

  /** An Etherscan-compatible API of the root chain (finds checkpoint submissions). */
  public NetworkProfileBuilder rootExplorerApiUrl(URI url) {
    root.explorerApiUrl = url;
    return this;
  }

  public NetworkProfileBuilder childChainId(long chainId) {
    child.chainId = chainId;
    return this;
  }

  public NetworkProfileBuilder childRpcUrls(List<URI> urls) {
    child.rpcUrls = List.copyOf(urls);
    return this;
  }

  public NetworkProfileBuilder childStartBlock(long block) {
    child.startBlock = block;
    return this;
  }

  public NetworkProfileBuilder childExplorerUrl(URI url) {
    child.explorerUrl = url;
    return this;
  }

  public NetworkProfileBuilder contracts(BridgeContracts c) {
    contracts.putAll(c.byField());
    return this;
  }

  public NetworkProfileBuilder stateSender(Address a) {
    return contract("stateSender", a);
  }

  public NetworkProfileBuilder checkpointManager(Address a) {
    return contract("checkpointManager", a);
  }

  public NetworkProfileBuilder exitHelper(Address a) {
    return contract("exitHelper", a);
  }

  public NetworkProfileBuilder rootErc20Predicate(Address a) {
    return contract("rootErc20Predicate", a);
  }

  /** The root ERC-721 predicate (optional: only networks that bridge NFTs have one). */
  public NetworkProfileBuilder rootErc721Predicate(Address a) {
    return contract("rootErc721Predicate", a);
  }

  /** The root ERC-1155 predicate (optional). */
  public NetworkProfileBuilder rootErc1155Predicate(Address a) {
    return contract("rootErc1155Predicate", a);
  }

  public NetworkProfileBuilder stateReceiver(Address a) {
    return contract("stateReceiver", a);
  }

  public NetworkProfileBuilder l2StateSender(Address a) {
    return contract("l2StateSender", a);
  }

  public NetworkProfileBuilder childErc20Predicate(Address a) {
    return contract("childErc20Predicate", a);
  }

  public NetworkProfileBuilder validatorSet(Address a) {
    return contract("validatorSet", a);
  }

  public NetworkProfileBuilder epochSize(long epochSize) {
    this.epochSize = epochSize;
    return this;
  }

  public NetworkProfileBuilder blsScheme(BlsSchemeName scheme) {
    this.blsScheme = scheme;
    return this;
  }

  public NetworkProfileBuilder confirmations(int confirmations) {
    this.confirmations = confirmations;
    return this;
  }

  /** The genesis validator set, in bitmap order (empty: unknown). */
  public NetworkProfileBuilder initialValidators(List<ValidatorEntry> validators) {
    this.initialValidators = List.copyOf(validators);
    return this;
  }

  /**
   * The network's team index ({@code postgresql://…}, no password); null for the local SQLite file.
   */
  public NetworkProfileBuilder store(@Nullable String store) {
    this.store = store;
    return this;
  }

  /** Everything still wrong or missing; empty when {@link #build()} will succeed. */
  public List<ConfigProblem> problems() {
    return ProfileRules.check(this);
  }

  public NetworkProfile build() {
    List<ConfigProblem> problems = problems();
    if (!problems.isEmpty()) {
      String label = name == null ? "network profile" : "network profile '" + name + "'";
      throw new NetworkConfigException(label, problems);
    }
    return new NetworkProfile(
        name,
        toChain(root),
        toChain(child),
        new BridgeContracts(
            contracts.get("stateSender"),
            contracts.get("checkpointManager"),
            contracts.get("exitHelper"),
            contracts.get("rootErc20Predicate"),
            contracts.get("stateReceiver"),
            contracts.get("l2StateSender"),
            contracts.get("childErc20Predicate"),
            contracts.get("validatorSet"),
            contracts.get("rootErc721Predicate"),
            contracts.get("rootErc1155Predicate"),
            contracts.get("childMintableErc20Predicate"),
            contracts.get("childMintableErc721Predicate"),
            contracts.get("childMintableErc1155Predicate")),
        epochSize,
        blsScheme,
        confirmations,
        initialValidators,
        store);
  }

  /** Sets a contract by its field name in the profile file ({@link BridgeContracts#byField()}). */
  public NetworkProfileBuilder contract(String field, Address a) {
    if (!contracts.containsKey(field)) {
      throw new IllegalArgumentException("contracts." + field + ": not a bridge contract field");
    }
    contracts.put(field, a);
    return this;
  }

  private NetworkProfileBuilder chain(ChainDraft d, ChainConfig c) {
    d.chainId = c.chainId();
    d.rpcUrls = c.rpcUrls();
    d.startBlock = c.startBlock();
    d.explorerUrl = c.explorerUrl().orElse(null);
    d.explorerApiUrl = c.explorerApiUrl().orElse(null);
    return this;
  }

  private static ChainConfig toChain(ChainDraft d) {
    return new ChainConfig(
        d.chainId,
        d.rpcUrls,
        d.startBlock,
        Optional.ofNullable(d.explorerUrl),
        Optional.ofNullable(d.explorerApiUrl));
  }
}
