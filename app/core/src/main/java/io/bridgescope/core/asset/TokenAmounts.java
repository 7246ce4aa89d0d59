package io.bridgescope.core.asset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Token amounts for people, with the token's own decimals and symbol: {@code 1500000} of a
 * 6-decimals USDC is {@code 1.5 USDC}. A token that did not say its decimals is shown in raw base
 * units, marked so, never scaled by a guessed 18.
 */
public final class TokenAmounts {

  private TokenAmounts() {}

  /** The number alone: scaled when decimals are known, else the raw integer. */
  public static String number(BigInteger amount, OptionalInt decimals) {
    if (decimals.isEmpty()) {
      return amount.toString();
    }
    BigDecimal d = new BigDecimal(amount, decimals.getAsInt()).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** The number with the symbol, e.g. {@code 1.5 USDC}, or {@code 1500000 (raw units)}. */
  public static String format(BigInteger amount, Optional<TokenMetadata> meta) {
    OptionalInt decimals = meta.map(TokenMetadata::decimals).orElse(OptionalInt.empty());
    String n = number(amount, decimals);
    if (decimals.isEmpty()) {
      return n + " (raw units)";
    }
    return meta.flatMap(TokenMetadata::symbol).map(s -> n + " " + s).orElse(n);
  }
}
