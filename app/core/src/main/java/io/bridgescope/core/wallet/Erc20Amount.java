package io.bridgescope.core.wallet;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An ERC-20 amount given to a preflight: base units already, or whole tokens as the user typed
 * them, read at the token's own decimals once the preflight has asked the token (after the checks
 * that need no node, such as the zero-address receiver).
 */
public sealed interface Erc20Amount {

  static Erc20Amount base(BigInteger units) {
    return new Base(units);
  }

  /**
   * {@code text} in whole tokens, e.g. {@code 1.5}, its form checked now (a positive plain number)
   * and its decimals once the token is asked.
   *
   * @throws IllegalArgumentException the text is no positive plain number
   */
  static Erc20Amount whole(String text) {
    return new Whole(text);
  }

  /** The amount in base units of the token that {@code units} describes. */
  BigInteger in(TokenUnits units);

  /** Base units, used as they are. */
  record Base(BigInteger units) implements Erc20Amount {
    public Base {
      Objects.requireNonNull(units, "units");
    }

    @Override
    public BigInteger in(TokenUnits token) {
      return units;
    }
  }

  /** Whole tokens as typed. */
  record Whole(String text) implements Erc20Amount {
    public Whole {
      Objects.requireNonNull(text, "text");
      Amounts.parseUnits(text, 255); // the form only: any decimals a uint8 allows
    }

    @Override
    public BigInteger in(TokenUnits token) {
      return token.parse(text);
    }
  }
}
