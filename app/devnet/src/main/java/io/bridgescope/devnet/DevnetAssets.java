package io.bridgescope.devnet;

import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.model.Address;

/**
 * The devnet's ERC-721 and ERC-1155 bridges, its child-native ERC-20, ERC-721 and ERC-1155 bridges,
 * and demo tokens of every kind (docs/protocol.md, Every asset kind). Child predicates and
 * templates sit at Edge's addresses; {@code usd6} is an ERC-20 with 6 decimals bridged by the
 * ERC-20 predicate.
 *
 * @param childMintableErc20Predicate the root side of the child-native ERC-20 bridge (Edge's
 *     ChildMintableERC20Predicate), which mints mirrors of child-native tokens on the root
 * @param childNative a child-native demo ERC-20 (on the child chain), escrowed by {@link
 *     #ROOT_MINTABLE_ERC20_PREDICATE} and mapped to the root on the first demo traffic
 * @param childMintableErc721Predicate the root side of the child-native ERC-721 bridge
 * @param childNativeNft a child-native demo ERC-721 (on the child chain), escrowed by {@link
 *     #ROOT_MINTABLE_ERC721_PREDICATE}
 * @param childMintableErc1155Predicate the root side of the child-native ERC-1155 bridge
 * @param childNativeMulti a child-native demo ERC-1155 (on the child chain), escrowed by {@link
 *     #ROOT_MINTABLE_ERC1155_PREDICATE}
 */
public record DevnetAssets(
    Address rootErc721Predicate,
    Address rootErc1155Predicate,
    Address nft,
    Address multi,
    Address usd6,
    Address childMintableErc20Predicate,
    Address childNative,
    Address childMintableErc721Predicate,
    Address childNativeNft,
    Address childMintableErc1155Predicate,
    Address childNativeMulti) {

  public static final Address CHILD_ERC721_TEMPLATE = Address.ofLow(0x1005);
  public static final Address CHILD_ERC721_PREDICATE = AssetPredicate.CHILD_ERC721.edgeAddress();
  public static final Address CHILD_ERC1155_TEMPLATE = Address.ofLow(0x1007);
  public static final Address CHILD_ERC1155_PREDICATE = AssetPredicate.CHILD_ERC1155.edgeAddress();
  public static final Address ROOT_MINTABLE_ERC20_PREDICATE =
      AssetPredicate.ROOT_MINTABLE_ERC20.edgeAddress();
  public static final Address ROOT_MINTABLE_ERC721_PREDICATE =
      AssetPredicate.ROOT_MINTABLE_ERC721.edgeAddress();
  public static final Address ROOT_MINTABLE_ERC1155_PREDICATE =
      AssetPredicate.ROOT_MINTABLE_ERC1155.edgeAddress();
}
