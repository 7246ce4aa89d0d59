package io.bridgescope.core.solvency;

/**
 * The kinds of bridged asset whose solvency is checked. Each has its own escrow and supply reading
 * and its own in-flight accounting (ADR 0015, Solvency): ERC-20 amounts, and ERC-721 ids counted
 * one by one (an ERC-721 row's amounts are numbers of ids). ERC-1155 is not checked: Edge's child
 * ERC-1155 has no supply to read (see {@link Solvency}).
 */
public enum AssetKind {
  ERC20("erc20"),
  ERC721("erc721");

  private final String key;

  AssetKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
