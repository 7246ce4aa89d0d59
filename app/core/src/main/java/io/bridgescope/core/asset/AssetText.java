package io.bridgescope.core.asset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A decoded payload in one line of words, for reviews and logs (amounts in base units). */
public final class AssetText {

  /** Items listed before "and N more": a review line stays readable for a 500-id batch. */
  static final int MAX_ITEMS = 8;

  private AssetText() {}

  public static String describe(AssetPayload p) {
    if (p instanceof AssetPayload.Unknown u) {
      return "an unknown payload (" + u.reason() + ")";
    }
    if (p instanceof AssetPayload.Mapping m) {
      return "a " + label(m.kind()) + " token mapping of " + m.token();
    }
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    List<String> items = new ArrayList<>();
    for (AssetItem i : t.items().subList(0, Math.min(MAX_ITEMS, t.items().size()))) {
      String what =
          switch (t.kind()) {
            case ERC721 -> "id " + i.tokenId().map(BigInteger::toString).orElse("?");
            case ERC1155 ->
                i.amount() + " of id " + i.tokenId().map(BigInteger::toString).orElse("?");
            default -> i.amount() + " base units";
          };
      items.add(what + " to " + i.to());
    }
    if (t.items().size() > MAX_ITEMS) {
      items.add("and " + (t.items().size() - MAX_ITEMS) + " more");
    }
    return "an "
        + label(t.kind())
        + " "
        + t.action().key()
        + " of token "
        + t.token()
        + " from "
        + t.from()
        + ": "
        + String.join(", ", items);
  }

  static String label(AssetKind k) {
    return switch (k) {
      case ERC20 -> "ERC-20";
      case ERC721 -> "ERC-721";
      case ERC1155 -> "ERC-1155";
      case UNKNOWN -> "unknown";
    };
  }
}
