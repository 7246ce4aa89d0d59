package io.bridgescope.desktop.ports;

import java.util.Objects;

/**
 * What a Deposits or Exits row moves, decoded from its payload (docs/protocol.md, Every asset
 * kind), as the table, the detail and the CSV export show it. Several items (a batch) are joined by
 * {@code ;} in the CSV parts, in payload order.
 *
 * @param kind "ERC-20", "ERC-721", "ERC-1155" or "unknown payload"
 * @param action the payload's action in words ("deposit", "withdraw batch", "map token"), or ""
 * @param token the token as the payload names it (on its home chain), 0x-hex, or ""
 * @param symbol the token's symbol, or "" when it did not say
 * @param amount for people: "12.345678 BUSD", "BNFT #1, #2", "5 × id 7, 3 × id 8"; raw units only
 *     when the token has no decimals, and then said so
 * @param amountDecimal the amounts scaled by the token's decimals (the raw integers when it has
 *     none; ERC-1155 amounts are counts); "" for ERC-721 and messages without amounts
 * @param amountRaw the amounts as the integers the payload carries
 * @param tokenIds the ERC-721/ERC-1155 ids, "" for ERC-20
 */
public record AssetCells(
    String kind,
    String action,
    String token,
    String symbol,
    String amount,
    String amountDecimal,
    String amountRaw,
    String tokenIds) {

  public static final String UNKNOWN = "unknown payload";

  public AssetCells {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(amountDecimal, "amountDecimal");
    Objects.requireNonNull(amountRaw, "amountRaw");
    Objects.requireNonNull(tokenIds, "tokenIds");
  }

  /** The table's asset cell: "ERC-20 · BUSD", "ERC-1155 · 0x1234…abcd", "unknown payload". */
  public String label() {
    String t = tokenLabel();
    return t.isEmpty() ? kind : kind + " · " + t;
  }

  /** The token: its symbol, else its short address, else nothing. */
  public String tokenLabel() {
    if (!symbol.isEmpty()) {
      return symbol;
    }
    return token.length() > 12
        ? token.substring(0, 6) + "…" + token.substring(token.length() - 4)
        : token;
  }
}
