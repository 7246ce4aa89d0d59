package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.TxPurpose;
import java.util.Optional;

/** The calls the signer knows, with the contract and chain each one belongs to. */
enum BridgeFunction {
  EXIT(BridgeAbi.EXIT, "ExitHelper", ChainRole.ROOT, TxPurpose.EXIT),
  BATCH_EXIT(BridgeAbi.BATCH_EXIT, "ExitHelper", ChainRole.ROOT, TxPurpose.BATCH_EXIT),
  EXECUTE(BridgeAbi.EXECUTE, "StateReceiver", ChainRole.CHILD, TxPurpose.EXECUTE),
  WITHDRAW("withdraw(address,uint256)", "ChildERC20Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
  WITHDRAW_TO(
      "withdrawTo(address,address,uint256)",
      "ChildERC20Predicate",
      ChainRole.CHILD,
      TxPurpose.WITHDRAW),
  DEPOSIT("deposit(address,uint256)", "RootERC20Predicate", ChainRole.ROOT, TxPurpose.DEPOSIT),
  DEPOSIT_TO(
      "depositTo(address,address,uint256)",
      "RootERC20Predicate",
      ChainRole.ROOT,
      TxPurpose.DEPOSIT),
  APPROVE("approve(address,uint256)", "ERC20 token", ChainRole.ROOT, TxPurpose.APPROVE),
  DEPOSIT_TO_1155(
      AssetCalls.DEPOSIT_TO_1155, "RootERC1155Predicate", ChainRole.ROOT, TxPurpose.DEPOSIT),
  DEPOSIT_BATCH_721(
      AssetCalls.DEPOSIT_BATCH_721, "RootERC721Predicate", ChainRole.ROOT, TxPurpose.DEPOSIT),
  DEPOSIT_BATCH_1155(
      AssetCalls.DEPOSIT_BATCH_1155, "RootERC1155Predicate", ChainRole.ROOT, TxPurpose.DEPOSIT),
  WITHDRAW_TO_1155(
      AssetCalls.WITHDRAW_TO_1155, "ChildERC1155Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
  WITHDRAW_BATCH_721(
      AssetCalls.WITHDRAW_BATCH_721, "ChildERC721Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
  WITHDRAW_BATCH_1155(
      AssetCalls.WITHDRAW_BATCH_1155, "ChildERC1155Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
  SET_APPROVAL_FOR_ALL(
      AssetCalls.SET_APPROVAL_FOR_ALL, "ERC-721/1155 token", ChainRole.ROOT, TxPurpose.APPROVE),
  // The next two share their selectors with DEPOSIT_TO and WITHDRAW_TO: the contract the call
  // goes to (the profile's ERC-721 predicate) tells them apart, never the bytes alone.
  DEPOSIT_TO_721(
      AssetCalls.DEPOSIT_TO_721, "RootERC721Predicate", ChainRole.ROOT, TxPurpose.DEPOSIT),
  WITHDRAW_TO_721(
      AssetCalls.WITHDRAW_TO_721, "ChildERC721Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
  // A child-native ERC-20 leaving the child for the root: the same selector again, told apart by
  // its target, Edge's RootMintableERC20Predicate at 0x…1009 on the child (escrow there, an exit
  // that mints the root mirror).
  DEPOSIT_TO_CHILD_NATIVE(
      "depositTo(address,address,uint256)",
      "RootMintableERC20Predicate",
      ChainRole.CHILD,
      TxPurpose.DEPOSIT),
  // Maps a child-native ERC-20 (a root mirror is made when its exit is claimed); moves no tokens.
  MAP_CHILD_NATIVE(
      MapTokenCall.SIGNATURE, "RootMintableERC20Predicate", ChainRole.CHILD, TxPurpose.OTHER),
  // Child-native NFTs leaving the child through Edge's RootMintableERC721/1155Predicate (0x…100a,
  // 0x…100b): the root predicates' selectors again, told apart by their target on the child.
  DEPOSIT_TO_721_FROM_CHILD(
      AssetCalls.DEPOSIT_TO_721, "RootMintableERC721Predicate", ChainRole.CHILD, TxPurpose.DEPOSIT),
  DEPOSIT_BATCH_721_FROM_CHILD(
      AssetCalls.DEPOSIT_BATCH_721,
      "RootMintableERC721Predicate",
      ChainRole.CHILD,
      TxPurpose.DEPOSIT),
  DEPOSIT_TO_1155_FROM_CHILD(
      AssetCalls.DEPOSIT_TO_1155,
      "RootMintableERC1155Predicate",
      ChainRole.CHILD,
      TxPurpose.DEPOSIT),
  DEPOSIT_BATCH_1155_FROM_CHILD(
      AssetCalls.DEPOSIT_BATCH_1155,
      "RootMintableERC1155Predicate",
      ChainRole.CHILD,
      TxPurpose.DEPOSIT),
  MAP_CHILD_NATIVE_721(
      MapTokenCall.SIGNATURE, "RootMintableERC721Predicate", ChainRole.CHILD, TxPurpose.OTHER),
  MAP_CHILD_NATIVE_1155(
      MapTokenCall.SIGNATURE, "RootMintableERC1155Predicate", ChainRole.CHILD, TxPurpose.OTHER),
  // Root mirrors of child-native tokens going home: Edge's ChildMintableERC20/721/1155Predicate on
  // the root burns them and sends a state sync that releases the escrow on the child. The child
  // predicates' selectors again, told apart by their target, which only the profile names
  // (contracts.childMintableErc*Predicate, from genesis.json).
  WITHDRAW_TO_FROM_ROOT(
      "withdrawTo(address,address,uint256)",
      "ChildMintableERC20Predicate",
      ChainRole.ROOT,
      TxPurpose.WITHDRAW),
  WITHDRAW_TO_721_FROM_ROOT(
      AssetCalls.WITHDRAW_TO_721,
      "ChildMintableERC721Predicate",
      ChainRole.ROOT,
      TxPurpose.WITHDRAW),
  WITHDRAW_BATCH_721_FROM_ROOT(
      AssetCalls.WITHDRAW_BATCH_721,
      "ChildMintableERC721Predicate",
      ChainRole.ROOT,
      TxPurpose.WITHDRAW),
  WITHDRAW_TO_1155_FROM_ROOT(
      AssetCalls.WITHDRAW_TO_1155,
      "ChildMintableERC1155Predicate",
      ChainRole.ROOT,
      TxPurpose.WITHDRAW),
  WITHDRAW_BATCH_1155_FROM_ROOT(
      AssetCalls.WITHDRAW_BATCH_1155,
      "ChildMintableERC1155Predicate",
      ChainRole.ROOT,
      TxPurpose.WITHDRAW);

  final String signature;
  final String contractName;
  final ChainRole chain;
  final TxPurpose purpose;
  private final byte[] selector;

  BridgeFunction(String signature, String contractName, ChainRole chain, TxPurpose purpose) {
    this.signature = signature;
    this.contractName = contractName;
    this.chain = chain;
    this.purpose = purpose;
    this.selector = Abi.selector(signature);
  }

  byte[] signatureSelector() {
    return selector.clone();
  }

  boolean hasSelector(byte[] fourBytes) {
    return java.util.Arrays.equals(selector, fourBytes);
  }

  String functionName() {
    return signature.substring(0, signature.indexOf('('));
  }

  /** Whether the call goes to a token (any), not to one of the profile's contracts. */
  boolean onToken() {
    return this == APPROVE || this == SET_APPROVAL_FOR_ALL;
  }

  /** Whether the selector alone does not name this function (see DEPOSIT_TO_721). */
  boolean byTarget() {
    return switch (this) {
      case DEPOSIT_TO_721,
          WITHDRAW_TO_721,
          DEPOSIT_TO_CHILD_NATIVE,
          DEPOSIT_TO_721_FROM_CHILD,
          DEPOSIT_BATCH_721_FROM_CHILD,
          DEPOSIT_TO_1155_FROM_CHILD,
          DEPOSIT_BATCH_1155_FROM_CHILD,
          MAP_CHILD_NATIVE_721,
          MAP_CHILD_NATIVE_1155,
          WITHDRAW_TO_FROM_ROOT,
          WITHDRAW_TO_721_FROM_ROOT,
          WITHDRAW_BATCH_721_FROM_ROOT,
          WITHDRAW_TO_1155_FROM_ROOT,
          WITHDRAW_BATCH_1155_FROM_ROOT ->
          true;
      default -> false;
    };
  }

  /**
   * The profile's contract this call must go to; empty for a call on a token, and when the profile
   * names no such contract (a network without a root NFT predicate).
   */
  Optional<Address> contract(BridgeContracts c) {
    AssetPredicates child = AssetPredicates.of(c);
    return switch (this) {
      case EXIT, BATCH_EXIT -> Optional.of(c.exitHelper());
      case EXECUTE -> Optional.of(c.stateReceiver());
      case WITHDRAW, WITHDRAW_TO -> Optional.of(c.childErc20Predicate());
      case DEPOSIT, DEPOSIT_TO -> Optional.of(c.rootErc20Predicate());
      case APPROVE, SET_APPROVAL_FOR_ALL -> Optional.empty();
      case DEPOSIT_TO_721, DEPOSIT_BATCH_721 -> c.rootErc721PredicateIfAny();
      case DEPOSIT_TO_1155, DEPOSIT_BATCH_1155 -> c.rootErc1155PredicateIfAny();
      case WITHDRAW_TO_721, WITHDRAW_BATCH_721 ->
          Optional.ofNullable(child.address(AssetPredicate.CHILD_ERC721));
      case WITHDRAW_TO_1155, WITHDRAW_BATCH_1155 ->
          Optional.ofNullable(child.address(AssetPredicate.CHILD_ERC1155));
      case DEPOSIT_TO_CHILD_NATIVE, MAP_CHILD_NATIVE ->
          Optional.ofNullable(child.address(AssetPredicate.ROOT_MINTABLE_ERC20));
      case DEPOSIT_TO_721_FROM_CHILD, DEPOSIT_BATCH_721_FROM_CHILD, MAP_CHILD_NATIVE_721 ->
          Optional.ofNullable(child.address(AssetPredicate.ROOT_MINTABLE_ERC721));
      case DEPOSIT_TO_1155_FROM_CHILD, DEPOSIT_BATCH_1155_FROM_CHILD, MAP_CHILD_NATIVE_1155 ->
          Optional.ofNullable(child.address(AssetPredicate.ROOT_MINTABLE_ERC1155));
      case WITHDRAW_TO_FROM_ROOT -> c.childMintableErc20PredicateIfAny();
      case WITHDRAW_TO_721_FROM_ROOT, WITHDRAW_BATCH_721_FROM_ROOT ->
          c.childMintableErc721PredicateIfAny();
      case WITHDRAW_TO_1155_FROM_ROOT, WITHDRAW_BATCH_1155_FROM_ROOT ->
          c.childMintableErc1155PredicateIfAny();
    };
  }

  /**
   * The profile field naming the contract of a call that only some networks have (the root NFT and
   * child-mintable predicates); the others are always in a profile.
   */
  String profileField() {
    return switch (this) {
      case DEPOSIT_TO_721, DEPOSIT_BATCH_721 -> "rootErc721Predicate";
      case DEPOSIT_TO_1155, DEPOSIT_BATCH_1155 -> "rootErc1155Predicate";
      case WITHDRAW_TO_FROM_ROOT -> "childMintableErc20Predicate";
      case WITHDRAW_TO_721_FROM_ROOT, WITHDRAW_BATCH_721_FROM_ROOT ->
          "childMintableErc721Predicate";
      case WITHDRAW_TO_1155_FROM_ROOT, WITHDRAW_BATCH_1155_FROM_ROOT ->
          "childMintableErc1155Predicate";
      default -> contractName;
    };
  }
}
