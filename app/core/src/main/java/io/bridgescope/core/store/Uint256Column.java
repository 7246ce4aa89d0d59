package io.bridgescope.core.store;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The uint256 column codec (docs/decisions/0001): 32 bytes big-endian, so byte order equals numeric
 * order. Public for queries written outside this package.
 */
public final class Uint256Column {

  private Uint256Column() {}

  public static byte[] encode(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("uint256: " + v + " is out of range");
    }
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /** Null for SQL NULL. */
  public static @Nullable BigInteger decode(byte @Nullable [] b) {
    return b == null ? null : new BigInteger(1, b);
  }
}
