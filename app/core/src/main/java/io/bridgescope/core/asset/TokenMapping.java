package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.EventRef;
import java.util.Objects;

/**
 * A child-chain mapping event: {@code nativeToken} (the token on its home chain, the contracts'
 * {@code rootToken}) is mirrored by {@code mirrorToken} on the other chain.
 */
public record TokenMapping(
    AssetPredicate predicate,
    Address predicateAddress,
    Address nativeToken,
    Address mirrorToken,
    EventRef event) {

  public TokenMapping {
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(predicateAddress, "predicateAddress");
    Objects.requireNonNull(nativeToken, "nativeToken");
    Objects.requireNonNull(mirrorToken, "mirrorToken");
    Objects.requireNonNull(event, "event");
  }

  /** The token on the root chain: the native one for root-native tokens, else the mirror. */
  public Address rootChainToken() {
    return predicate.home() == TokenHome.ROOT ? nativeToken : mirrorToken;
  }

  /** The token on the child chain. */
  public Address childChainToken() {
    return predicate.home() == TokenHome.ROOT ? mirrorToken : nativeToken;
  }
}
