package io.bridgescope.core.network;

import io.bridgescope.core.model.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The bridge contracts of a network. Root-chain addresses come from the deployment (genesis.json);
 * child-chain ones are Edge's fixed system addresses unless a network says otherwise
 * (docs/protocol.md, Chains and contracts). The root ERC-721 and ERC-1155 predicates are optional:
 * a network that bridges no NFTs, or a profile written before they were known, has none, and the
 * wallet then neither deposits NFTs nor signs approvals for them. So are the root's child-mintable
 * predicates (Edge's ChildMintableERC20/721/1155Predicate, where root mirrors of child-native
 * tokens live): without them the wallet does not withdraw such mirrors from the root.
 */
public record BridgeContracts(
    Address stateSender,
    Address checkpointManager,
    Address exitHelper,
    Address rootErc20Predicate,
    Address stateReceiver,
    Address l2StateSender,
    Address childErc20Predicate,
    Address validatorSet,
    @Nullable Address rootErc721Predicate,
    @Nullable Address rootErc1155Predicate,
    @Nullable Address childMintableErc20Predicate,
    @Nullable Address childMintableErc721Predicate,
    @Nullable Address childMintableErc1155Predicate) {

  public static final Address EDGE_STATE_RECEIVER = Address.ofLow(0x1001);
  public static final Address EDGE_L2_STATE_SENDER = Address.ofLow(0x1002);
  public static final Address EDGE_CHILD_ERC20_PREDICATE = Address.ofLow(0x1004);
  public static final Address EDGE_VALIDATOR_SET = Address.ofLow(0x0101);

  public BridgeContracts {
    Objects.requireNonNull(stateSender, "stateSender");
    Objects.requireNonNull(checkpointManager, "checkpointManager");
    Objects.requireNonNull(exitHelper, "exitHelper");
    Objects.requireNonNull(rootErc20Predicate, "rootErc20Predicate");
    Objects.requireNonNull(stateReceiver, "stateReceiver");
    Objects.requireNonNull(l2StateSender, "l2StateSender");
    Objects.requireNonNull(childErc20Predicate, "childErc20Predicate");
    Objects.requireNonNull(validatorSet, "validatorSet");
  }

  /** Without the root's child-mintable predicates. */
  public BridgeContracts(
      Address stateSender,
      Address checkpointManager,
      Address exitHelper,
      Address rootErc20Predicate,
      Address stateReceiver,
      Address l2StateSender,
      Address childErc20Predicate,
      Address validatorSet,
      @Nullable Address rootErc721Predicate,
      @Nullable Address rootErc1155Predicate) {
    this(
        stateSender,
        checkpointManager,
        exitHelper,
        rootErc20Predicate,
        stateReceiver,
        l2StateSender,
        childErc20Predicate,
        validatorSet,
        rootErc721Predicate,
        rootErc1155Predicate,
        null,
        null,
        null);
  }

  /** The ERC-20 bridge only (no NFT predicates on the root chain). */
  public BridgeContracts(
      Address stateSender,
      Address checkpointManager,
      Address exitHelper,
      Address rootErc20Predicate,
      Address stateReceiver,
      Address l2StateSender,
      Address childErc20Predicate,
      Address validatorSet) {
    this(
        stateSender,
        checkpointManager,
        exitHelper,
        rootErc20Predicate,
        stateReceiver,
        l2StateSender,
        childErc20Predicate,
        validatorSet,
        null,
        null);
  }

  /** The root ERC-721 predicate, when the profile names one. */
  public Optional<Address> rootErc721PredicateIfAny() {
    return Optional.ofNullable(rootErc721Predicate);
  }

  /** The root ERC-1155 predicate, when the profile names one. */
  public Optional<Address> rootErc1155PredicateIfAny() {
    return Optional.ofNullable(rootErc1155Predicate);
  }

  /** This profile with the root NFT predicates set (either may be null). */
  public BridgeContracts withNftPredicates(
      @Nullable Address rootErc721, @Nullable Address rootErc1155) {
    return new BridgeContracts(
        stateSender,
        checkpointManager,
        exitHelper,
        rootErc20Predicate,
        stateReceiver,
        l2StateSender,
        childErc20Predicate,
        validatorSet,
        rootErc721,
        rootErc1155,
        childMintableErc20Predicate,
        childMintableErc721Predicate,
        childMintableErc1155Predicate);
  }

  /** The root's ChildMintableERC20Predicate (root mirrors of child-native ERC-20), if named. */
  public Optional<Address> childMintableErc20PredicateIfAny() {
    return Optional.ofNullable(childMintableErc20Predicate);
  }

  /** The root's ChildMintableERC721Predicate, if named. */
  public Optional<Address> childMintableErc721PredicateIfAny() {
    return Optional.ofNullable(childMintableErc721Predicate);
  }

  /** The root's ChildMintableERC1155Predicate, if named. */
  public Optional<Address> childMintableErc1155PredicateIfAny() {
    return Optional.ofNullable(childMintableErc1155Predicate);
  }

  /**
   * The addresses keyed by their field name in the profile file, in file order; the optional root
   * NFT predicates only when set.
   */
  public Map<String, Address> byField() {
    Map<String, Address> m = new LinkedHashMap<>();
    m.put("stateSender", stateSender);
    m.put("checkpointManager", checkpointManager);
    m.put("exitHelper", exitHelper);
    m.put("rootErc20Predicate", rootErc20Predicate);
    m.put("stateReceiver", stateReceiver);
    m.put("l2StateSender", l2StateSender);
    m.put("childErc20Predicate", childErc20Predicate);
    m.put("validatorSet", validatorSet);
    if (rootErc721Predicate != null) {
      m.put("rootErc721Predicate", rootErc721Predicate);
    }
    if (rootErc1155Predicate != null) {
      m.put("rootErc1155Predicate", rootErc1155Predicate);
    }
    if (childMintableErc20Predicate != null) {
      m.put("childMintableErc20Predicate", childMintableErc20Predicate);
    }
    if (childMintableErc721Predicate != null) {
      m.put("childMintableErc721Predicate", childMintableErc721Predicate);
    }
    if (childMintableErc1155Predicate != null) {
      m.put("childMintableErc1155Predicate", childMintableErc1155Predicate);
    }
    return m;
  }
}
