package io.bridgescope.desktop.search;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a user types into the global search box: a tx hash (0x + 64 hex), an address (0x + 40
 * hex), or a number, optionally prefixed by a keyword ("exit 7", "epoch:3", "deposit #12").
 */
public final class SearchParser {

  private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]*)");
  private static final Pattern KEYED_NUMBER =
      Pattern.compile("(?:([a-zA-Z][a-zA-Z-]*)\\s*[:#]?\\s*)?#?([0-9][0-9_,]*)");
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private static final Map<String, SearchKind> KEYWORDS =
      Map.ofEntries(
          Map.entry("deposit", SearchKind.STATE_SYNC_ID),
          Map.entry("sync", SearchKind.STATE_SYNC_ID),
          Map.entry("state-sync", SearchKind.STATE_SYNC_ID),
          Map.entry("statesync", SearchKind.STATE_SYNC_ID),
          Map.entry("exit", SearchKind.EXIT_ID),
          Map.entry("withdrawal", SearchKind.EXIT_ID),
          Map.entry("commitment", SearchKind.COMMITMENT),
          Map.entry("epoch", SearchKind.EPOCH),
          Map.entry("checkpoint", SearchKind.EPOCH));

  public SearchQuery parse(String raw) {
    String input = raw == null ? "" : raw.strip();
    if (input.isEmpty()) {
      return new SearchQuery.Invalid(input, "Type a tx hash, an address, or an id number.");
    }
    Matcher hex = HEX.matcher(input);
    if (hex.matches()) {
      return parseHex(input, hex.group(1));
    }
    Matcher keyed = KEYED_NUMBER.matcher(input);
    if (keyed.matches()) {
      return parseNumber(input, keyed.group(1), keyed.group(2));
    }
    return new SearchQuery.Invalid(
        input,
        "'"
            + input
            + "' is not a tx hash (0x + 64 hex digits), an address (0x + 40 hex digits)"
            + " or an id number.");
  }

  private static SearchQuery parseHex(String input, String digits) {
    if (digits.length() == 64) {
      return new SearchQuery.TxHash(input, Hash32.of(input.toLowerCase(Locale.ROOT)));
    }
    if (digits.length() == 40) {
      return new SearchQuery.AccountAddress(input, Address.of(input.toLowerCase(Locale.ROOT)));
    }
    return new SearchQuery.Invalid(
        input,
        "'"
            + input
            + "' has "
            + digits.length()
            + " hex digits; a tx hash has 64 and an address 40. Ids are plain decimal numbers.");
  }

  private static SearchQuery parseNumber(String input, String keyword, String digits) {
    BigInteger value = new BigInteger(digits.replace("_", "").replace(",", ""));
    if (value.compareTo(UINT256_LIMIT) >= 0) {
      return new SearchQuery.Invalid(input, "The number is too large for an on-chain id.");
    }
    List<SearchKind> candidates = new ArrayList<>();
    if (keyword != null) {
      SearchKind kind = KEYWORDS.get(keyword.toLowerCase(Locale.ROOT));
      if (kind == null) {
        return new SearchQuery.Invalid(
            input,
            "Unknown keyword '"
                + keyword
                + "'; use deposit, exit, commitment or epoch, or just the number.");
      }
      candidates.add(kind);
    } else {
      candidates.addAll(
          List.of(
              SearchKind.STATE_SYNC_ID,
              SearchKind.EXIT_ID,
              SearchKind.COMMITMENT,
              SearchKind.EPOCH));
    }
    if (value.signum() == 0) {
      // State-sync and exit ids start at 1 (id = ++counter, protocol.md "Chains and contracts").
      candidates.remove(SearchKind.STATE_SYNC_ID);
      candidates.remove(SearchKind.EXIT_ID);
      if (candidates.isEmpty()) {
        return new SearchQuery.Invalid(input, "State-sync and exit ids start at 1.");
      }
    }
    return new SearchQuery.Number(input, value, candidates);
  }
}
