package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a bridge transfer moves: to whom, which token id (ERC-721, ERC-1155; empty for ERC-20)
 * and how much (the ERC-20 or ERC-1155 amount in base units, always 1 for an ERC-721 id). A batch
 * has one item per array index, each with its own receiver (docs/protocol.md).
 */
public record AssetItem(Address to, Optional<BigInteger> tokenId, BigInteger amount) {

  public AssetItem {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("asset item: negative amount " + amount);
    }
  }

  public static AssetItem fungible(Address to, BigInteger amount) {
    return new AssetItem(to, Optional.empty(), amount);
  }

  public static AssetItem nft(Address to, BigInteger tokenId) {
    return new AssetItem(to, Optional.of(tokenId), BigInteger.ONE);
  }

  public static AssetItem multi(Address to, BigInteger tokenId, BigInteger amount) {
    return new AssetItem(to, Optional.of(tokenId), amount);
  }
}
