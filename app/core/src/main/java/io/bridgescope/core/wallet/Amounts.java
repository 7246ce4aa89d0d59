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
    BigDecimal d;
    try {
      d = new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + s + "' is not a number");
    }
    if (d.signum() <= 0) {
      throw new IllegalArgumentException("amount '" + s + "' must be positive");
    }
    BigDecimal wei = d.movePointRight(18);
    if (wei.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("amount '" + s + "' has more than 18 decimals");
    }
    return wei.toBigIntegerExact();
  }

  /** Gas price in gwei, e.g. {@code 2.5 gwei}. */
  public static String gwei(BigInteger wei) {
    BigDecimal d = new BigDecimal(wei, 9).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + " gwei";
  }
}
