package io.bridgescope.desktop.wallet;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.wallet.NftPlanner;
import java.math.BigInteger;
import java.util.List;

/**
 * The NFT fields of the send wizard read into {@link NftPlanner.Items}: token ids and, for
 * ERC-1155, one amount per id, each list separated by commas or spaces. What the user typed wrong
 * is an {@link IllegalArgumentException} whose message says it in the form's words.
 */
final class NftForm {

  private NftForm() {}

  static NftPlanner.Items items(AssetKind kind, String idsText, String amountsText) {
    List<BigInteger> ids = NftPlanner.Items.numbers("Token ids", List.of(idsText));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("Token ids: give at least one id, e.g. 7 or 7, 8");
    }
    List<BigInteger> amounts = NftPlanner.Items.numbers("Amounts", List.of(amountsText));
    if (kind == AssetKind.ERC721 && !amounts.isEmpty()) {
      throw new IllegalArgumentException(
          "Amounts: an ERC-721 id is one token; leave the amounts empty");
    }
    if (kind == AssetKind.ERC1155 && amounts.size() != ids.size()) {
      throw new IllegalArgumentException(
          "Amounts: give one amount per ERC-1155 id ("
              + ids.size()
              + (ids.size() == 1 ? " id, " : " ids, ")
              + amounts.size()
              + (amounts.size() == 1 ? " amount)" : " amounts)"));
    }
    try {
      return new NftPlanner.Items(kind, ids, amounts);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      throw new IllegalArgumentException(
          m.startsWith("ids: ") ? "Token ids: " + m.substring(5) : "Amounts: " + m, e);
    }
  }
}
