package io.bridgescope.crypto.bn254;

import org.jspecify.annotations.Nullable;

/**
 * A G2 public key whose Miller-loop lines are computed once, on first use: a verifier that checks
 * many signatures by the same signers (a validator set's aggregate key signs commitment after
 * commitment) then pays for them once. Immutable in value; safe to share between threads.
 */
public final class G2PublicKey {

  private final G2Point point;
  private volatile @Nullable G2Prepared lines;

  private G2PublicKey(G2Point point) {
    this.point = point;
  }

  /** The key {@code point} (normalized here; it may be the point at infinity). */
  public static G2PublicKey of(G2Point point) {
    return new G2PublicKey(point.normalize());
  }

  public G2Point point() {
    return point;
  }

  /** The lines of a finite key; computing them twice in a race is harmless (same values). */
  G2Prepared lines() {
    G2Prepared l = lines;
    if (l == null) {
      l = new G2Prepared(point);
      lines = l;
    }
    return l;
  }
}
