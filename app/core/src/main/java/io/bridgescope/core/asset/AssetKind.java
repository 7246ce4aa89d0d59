package io.bridgescope.core.asset;

/** The token standard a bridge message moves (docs/protocol.md, Every asset kind). */
public enum AssetKind {
  ERC20("erc20"),
  ERC721("erc721"),
  ERC1155("erc1155"),
  /** Not sent by or to a known predicate, or not a payload that predicate sends. */
  UNKNOWN("unknown");

  private final String key;

  AssetKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static AssetKind fromKey(String key) {
    for (AssetKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "asset kind: unknown '" + key + "' (expected erc20, erc721, erc1155 or unknown)");
  }
}
