package io.bridgescope.core.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * The BLS flavour a network's validators sign with; {@link #key()} matches {@code
 * io.bridgescope.crypto.bls.BlsScheme#name()}.
 */
public enum BlsSchemeName {
  /** Polygon Edge: BN254, signatures in G1, Edge hash-to-point (docs/protocol.md, BLS). */
  BN254_EDGE("bn254-edge"),
  BLS12_381("bls12-381");

  private final String key;

  BlsSchemeName(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<BlsSchemeName> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
