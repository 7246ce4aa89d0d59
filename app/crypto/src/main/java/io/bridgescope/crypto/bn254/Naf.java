package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** Non-adjacent form of scalars, used by every double-and-add style loop in this package. */
final class Naf {

  private static final BigInteger FOUR = BigInteger.valueOf(4);

  private Naf() {}

  /**
   * Digits in {-1, 0, 1} of a non-negative integer, lowest digit first, no two adjacent non-zero.
   */
  static int[] of(BigInteger k) {
    if (k.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    int[] digits = new int[k.bitLength() + 1];
    int n = 0;
    while (k.signum() > 0) {
      int d = 0;
      if (k.testBit(0)) {
        d = 2 - k.mod(FOUR).intValue();
        k = k.subtract(BigInteger.valueOf(d));
      }
      digits[n++] = d;
      k = k.shiftRight(1);
    }
    return Arrays.copyOf(digits, n);
  }
}
