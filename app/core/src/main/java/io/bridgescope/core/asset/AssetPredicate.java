package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;

/**
 * Edge's child-chain predicates, one per asset kind and token home, at their fixed system addresses
 * (polygon-edge v1.3.2 {@code contracts/system_addresses.go}). The child-side address names the
 * predicate of a message in both directions: the receiver of a root {@code StateSynced}, the sender
 * of a child {@code L2StateSynced}.
 */
public enum AssetPredicate {
  CHILD_ERC20(0x1004, AssetKind.ERC20, TokenHome.ROOT),
  CHILD_ERC721(0x1006, AssetKind.ERC721, TokenHome.ROOT),
  CHILD_ERC1155(0x1008, AssetKind.ERC1155, TokenHome.ROOT),
  ROOT_MINTABLE_ERC20(0x1009, AssetKind.ERC20, TokenHome.CHILD),
  ROOT_MINTABLE_ERC721(0x100a, AssetKind.ERC721, TokenHome.CHILD),
  ROOT_MINTABLE_ERC1155(0x100b, AssetKind.ERC1155, TokenHome.CHILD);

  /**
   * The child's native coin as an ERC-20 ({@code NativeERC20}); mapped at genesis, not by message.
   */
  public static final Address NATIVE_ERC20 = Address.ofLow(0x1010);

  private final Address edgeAddress;
  private final AssetKind kind;
  private final TokenHome home;

  AssetPredicate(long low, AssetKind kind, TokenHome home) {
    this.edgeAddress = Address.ofLow(low);
    this.kind = kind;
    this.home = home;
  }

  /** The address Edge puts this predicate at on the child chain. */
  public Address edgeAddress() {
    return edgeAddress;
  }

  /** The stable name used in SQL and files, e.g. {@code root_mintable_erc721}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static AssetPredicate fromKey(String key) {
    for (AssetPredicate p : values()) {
      if (p.key().equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("predicate: unknown '" + key + "'");
  }

  public AssetKind kind() {
    return kind;
  }

  public TokenHome home() {
    return home;
  }

  /**
   * Whether the predicate sends {@code action} in this direction (docs/protocol.md, which tags
   * travel which way): actions that leave the token's home travel away from it.
   */
  public boolean sends(AssetAction action, boolean towardsChild) {
    if (action.isBatch() && kind == AssetKind.ERC20) {
      return false;
    }
    boolean awayFromHome = (home == TokenHome.ROOT) == towardsChild;
    return action.leavesHome() == awayFromHome;
  }
}
