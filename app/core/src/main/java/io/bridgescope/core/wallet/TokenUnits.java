package io.bridgescope.core.wallet;

import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenMetadata;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An ERC-20 amount as the user types and reads it: whole tokens at the token's own decimals ({@code
 * 1.5} of a 6-decimals token is {@code 1500000} base units), never a guessed 18. A token that does
 * not state its decimals is shown in raw base units, and an amount in whole tokens is refused for
 * it.
 */
public record TokenUnits(TokenMetadata token) {

  public TokenUnits {
    Objects.requireNonNull(token, "token");
  }

  /** {@code 1.5 BUSD}, {@code 1.5} without a symbol, or {@code 1500000 (raw units)}. */
  public String show(BigInteger amount) {
    return TokenAmounts.format(amount, Optional.of(token));
  }

  /**
   * Whole tokens (e.g. {@code 2.5}) → base units.
   *
   * @throws WalletException {@code REFUSED}: the token does not state its decimals, the text is no
   *     positive number, or it has more fraction digits than the token has decimals (the message
   *     says which)
   */
  public BigInteger parse(String text) {
    if (token.decimals().isEmpty()) {
      throw new WalletException(
          WalletException.Kind.REFUSED,
          "token "
              + token.token()
              + " on the "
              + token.chain().key()
              + " does not state its decimals ("
              + token.problem().orElse("no decimals()")
              + "), so an amount in whole tokens cannot be converted; nothing was signed");
    }
    int decimals = token.decimals().getAsInt();
    try {
      return Amounts.parseUnits(text, decimals);
    } catch (IllegalArgumentException e) {
      throw new WalletException(
          WalletException.Kind.REFUSED,
          e.getMessage()
              + " (the token "
              + token.symbol().map(s -> s + " ").orElse("")
              + "has "
              + decimals
              + " decimals); nothing was signed",
          e);
    }
  }
}
