package io.bridgescope.crypto.bls;

import java.util.ArrayList;
import java.util.List;

/** The checks both schemes apply to keys handed back to {@code aggregateVerifyDecoded}. */
final class DecodedKeys {

  private DecodedKeys() {}

  /** The keys as {@code type}; a key of another scheme is a programming error, not bad input. */
  static <K extends BlsPublicKey> List<K> of(
      List<BlsPublicKey> keys, Class<K> type, String scheme) {
    List<K> out = new ArrayList<>(keys.size());
    for (BlsPublicKey k : keys) {
      out.add(one(k, type, scheme));
    }
    return out;
  }

  static <K extends BlsPublicKey> K one(BlsPublicKey key, Class<K> type, String scheme) {
    if (!type.isInstance(key)) {
      throw new IllegalArgumentException(
          "a "
              + (key == null ? "null" : key.scheme())
              + " key handed to the "
              + scheme
              + " scheme");
    }
    return type.cast(key);
  }
}
