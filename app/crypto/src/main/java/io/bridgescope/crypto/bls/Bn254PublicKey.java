package io.bridgescope.crypto.bls;

import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.G2PublicKey;
import org.jspecify.annotations.Nullable;

/**
 * A bn254-edge public key in decoded form: one key decoded and subgroup-checked once, or an
 * aggregate of such keys (whose Miller-loop lines are then kept for the next signature).
 */
final class Bn254PublicKey implements BlsPublicKey {

  private final G2PublicKey key;
  private volatile byte @Nullable [] encoded;

  Bn254PublicKey(G2Point point, byte @Nullable [] encoded) {
    this.key = G2PublicKey.of(point);
    this.encoded = encoded == null ? null : encoded.clone();
  }

  G2PublicKey key() {
    return key;
  }

  G2Point point() {
    return key.point();
  }

  @Override
  public String scheme() {
    return "bn254-edge";
  }

  @Override
  public byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = key.point().toEvmBytes(); // an aggregate: encoded only when someone asks
      encoded = e;
    }
    return e.clone();
  }
}
