package io.bridgescope.core.solvency;

/**
 * The kinds of bridged asset whose solvency is checked. Each has its own escrow and supply reading
 * and its own in-flight accounting (ADR 0015, Solvency): ERC-20 amounts, ERC-721 ids counted one by
 * one (an ERC-721 row's amounts are numbers of ids), and ERC-1155 amounts per id (one row per id).
 * The NFT supplies are read from the tokens' own mint and burn logs ({@link SupplyLogs}), since
 * Edge's NFT tokens have no totalSupply.
 */
public enum AssetKind {
  ERC20("erc20"),
  ERC721("erc721"),
  ERC1155("erc1155");

  private final String key;

  AssetKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
