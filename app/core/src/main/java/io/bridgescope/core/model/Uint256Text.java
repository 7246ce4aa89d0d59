package io.bridgescope.core.model;

import java.math.BigInteger;

/**
 * A uint256 written as text in a file (decimal or hex digits). The length is checked before
 * parsing: {@code new BigInteger} is quadratic in the number of digits, and a file holding a
 * million digits made it run for 40 seconds (found by the fuzz properties, docs/fuzzing.md).
 */
public final class Uint256Text {

  /** 78 decimal digits hold 2^256 - 1; leading zeros are tolerated up to this length. */
  private static final int MAX_DIGITS = 100;

  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Uint256Text() {}

  /**
   * The value of {@code digits} in {@code radix}.
   *
   * @throws NumberFormatException if it is not digits, is negative, or does not fit in 256 bits
   */
  public static BigInteger parse(String digits, int radix) {
    if (digits.length() > MAX_DIGITS) {
      throw new NumberFormatException(
          "has " + digits.length() + " characters, more than a uint256 needs");
    }
    BigInteger v = new BigInteger(digits, radix);
    if (v.signum() < 0 || v.compareTo(MAX) > 0) {
      throw new NumberFormatException("is outside 0 .. 2^256 - 1");
    }
    return v;
  }
}
