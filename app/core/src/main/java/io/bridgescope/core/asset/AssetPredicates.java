package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which child-chain address is which predicate on one network: Edge's system addresses, with the
 * ERC-20 predicate taken from the network profile (a profile may name another one).
 */
public final class AssetPredicates {

  private final Map<Address, AssetPredicate> byAddress;
  private final Map<AssetPredicate, Address> addresses;

  private AssetPredicates(Map<AssetPredicate, Address> addresses) {
    this.addresses = Collections.unmodifiableMap(new EnumMap<>(addresses));
    Map<Address, AssetPredicate> m = new HashMap<>();
    addresses.forEach(
        (p, a) -> {
          AssetPredicate before = m.put(a, p);
          if (before != null) {
            throw new IllegalArgumentException(
                "predicates " + before + " and " + p + " share the address " + a);
          }
        });
    this.byAddress = Collections.unmodifiableMap(m);
  }

  /** Edge's fixed addresses for every predicate. */
  public static AssetPredicates edge() {
    Map<AssetPredicate, Address> m = new EnumMap<>(AssetPredicate.class);
    for (AssetPredicate p : AssetPredicate.values()) {
      m.put(p, p.edgeAddress());
    }
    return new AssetPredicates(m);
  }

  /** Edge's addresses, with the ERC-20 predicate the network's profile names. */
  public static AssetPredicates of(BridgeContracts contracts) {
    Map<AssetPredicate, Address> m = new EnumMap<>(AssetPredicate.class);
    for (AssetPredicate p : AssetPredicate.values()) {
      m.put(p, p.edgeAddress());
    }
    m.put(AssetPredicate.CHILD_ERC20, contracts.childErc20Predicate());
    return new AssetPredicates(m);
  }

  public Optional<AssetPredicate> at(Address childSide) {
    return Optional.ofNullable(byAddress.get(childSide));
  }

  public @Nullable Address address(AssetPredicate p) {
    return addresses.get(p);
  }

  /** Decodes a root {@code StateSynced}'s data; its receiver is the child-side address. */
  public AssetPayload decodeStateSync(Address receiver, byte[] data) {
    return AssetPayloads.decode(at(receiver), data, true);
  }

  /** Decodes a child {@code L2StateSynced}'s data; its sender is the child-side address. */
  public AssetPayload decodeExit(Address sender, byte[] data) {
    return AssetPayloads.decode(at(sender), data, false);
  }
}
