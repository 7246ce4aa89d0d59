package io.bridgescope.core.wallet;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Wei and token amounts for people: 18 decimals, trailing zeros dropped. */
public final class Amounts {

  private Amounts() {}

  /** {@code 1500000000000000000} → {@code 1.5}. */
  public static String ether(BigInteger wei) {
    BigDecimal d = new BigDecimal(wei, 18).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** {@code 1.5} → {@code 1500000000000000000}; rejects more than 18 decimals and negatives. */
  public static BigInteger parseEther(String s) {
    return parseUnits(s, 18);
  }

  /**
   * A positive amount in whole units → base units at {@code decimals}: {@code 1.5} at 6 is {@code
   * 1500000}. Rejects text that is no plain decimal number (no exponent, at most 100 characters),
   * zero, negatives, and more fraction digits than {@code decimals}.
   */
  public static BigInteger parseUnits(String s, int decimals) {
    if (decimals < 0 || decimals > 255) {
      throw new IllegalArgumentException("decimals " + decimals + " is not a uint8");
    }
    String t = s.strip();
    if (t.isEmpty() || t.length() > 100 || !t.matches("[0-9]*\\.?[0-9]*") || t.equals(".")) {
      throw new IllegalArgumentException("amount '" + shorten(t) + "' is not a number");
    }
    BigDecimal d = new BigDecimal(t);
    if (d.signum() <= 0) {
      throw new IllegalArgumentException("amount '" + t + "' must be positive");
    }
    BigDecimal units = d.movePointRight(decimals);
    if (units.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "amount '" + t + "' has more than " + decimals + " decimals");
    }
    return units.toBigIntegerExact();
  }

  private static String shorten(String t) {
    return t.length() <= 40 ? t : t.substring(0, 40) + "…";
  }

  /** Gas price in gwei, e.g. {@code 2.5 gwei}. */
  public static String gwei(BigInteger wei) {
    BigDecimal d = new BigDecimal(wei, 9).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + " gwei";
  }
}
