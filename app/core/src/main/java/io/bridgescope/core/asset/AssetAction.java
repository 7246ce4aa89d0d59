package io.bridgescope.core.asset;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.crypto.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code bytes32} tag that opens every predicate payload. The names are the contracts' own:
 * "deposit" always leaves the token's native chain, also when that chain is the child.
 */
public enum AssetAction {
  DEPOSIT("DEPOSIT", "deposit"),
  DEPOSIT_BATCH("DEPOSIT_BATCH", "deposit_batch"),
  WITHDRAW("WITHDRAW", "withdraw"),
  WITHDRAW_BATCH("WITHDRAW_BATCH", "withdraw_batch"),
  MAP_TOKEN("MAP_TOKEN", "map_token");

  private final Hash32 tag;
  private final String key;

  AssetAction(String preimage, String key) {
    this.tag = new Hash32(Keccak.keccak256(preimage.getBytes(StandardCharsets.US_ASCII)));
    this.key = key;
  }

  /**
   * {@code keccak256} of the tag's name, as the contracts compute their {@code *_SIG} constants.
   */
  public Hash32 tag() {
    return tag;
  }

  public String key() {
    return key;
  }

  public boolean isBatch() {
    return this == DEPOSIT_BATCH || this == WITHDRAW_BATCH;
  }

  /** Whether this action moves the token away from its native chain (escrow there, mint across). */
  public boolean leavesHome() {
    return this == DEPOSIT || this == DEPOSIT_BATCH || this == MAP_TOKEN;
  }

  public static Optional<AssetAction> ofTag(Hash32 tag) {
    for (AssetAction a : values()) {
      if (a.tag.equals(tag)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  public static AssetAction fromKey(String key) {
    for (AssetAction a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("asset action: unknown '" + key + "'");
  }
}
