package io.bridgescope.core.asset;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * Calldata for the ERC-721 and ERC-1155 predicates and tokens (docs/protocol.md, Every asset kind:
 * function entry points). ERC-20 calls are in BridgeAbi. A single ERC-721 {@code depositTo} /
 * {@code withdrawTo} has the same selector as the ERC-20 one: the predicate it goes to decides.
 */
public final class AssetCalls {

  public static final String DEPOSIT_TO_721 = "depositTo(address,address,uint256)";
  public static final String DEPOSIT_BATCH_721 = "depositBatch(address,address[],uint256[])";
  public static final String DEPOSIT_TO_1155 = "depositTo(address,address,uint256,uint256)";
  public static final String DEPOSIT_BATCH_1155 =
      "depositBatch(address,address[],uint256[],uint256[])";
  public static final String WITHDRAW_TO_721 = "withdrawTo(address,address,uint256)";
  public static final String WITHDRAW_BATCH_721 = "withdrawBatch(address,address[],uint256[])";
  public static final String WITHDRAW_TO_1155 = "withdrawTo(address,address,uint256,uint256)";
  public static final String WITHDRAW_BATCH_1155 =
      "withdrawBatch(address,address[],uint256[],uint256[])";
  public static final String SET_APPROVAL_FOR_ALL = "setApprovalForAll(address,bool)";

  private AssetCalls() {}

  public static byte[] depositTo721(Address rootToken, Address receiver, BigInteger tokenId) {
    return Abi.call(
        DEPOSIT_TO_721,
        AbiValue.address(rootToken),
        AbiValue.address(receiver),
        AbiValue.uint(tokenId));
  }

  public static byte[] depositBatch721(
      Address rootToken, List<Address> receivers, List<BigInteger> tokenIds) {
    return Abi.call(
        DEPOSIT_BATCH_721, AbiValue.address(rootToken), addresses(receivers), uints(tokenIds));
  }

  public static byte[] depositTo1155(
      Address rootToken, Address receiver, BigInteger tokenId, BigInteger amount) {
    return Abi.call(
        DEPOSIT_TO_1155,
        AbiValue.address(rootToken),
        AbiValue.address(receiver),
        AbiValue.uint(tokenId),
        AbiValue.uint(amount));
  }

  public static byte[] depositBatch1155(
      Address rootToken,
      List<Address> receivers,
      List<BigInteger> tokenIds,
      List<BigInteger> amounts) {
    return Abi.call(
        DEPOSIT_BATCH_1155,
        AbiValue.address(rootToken),
        addresses(receivers),
        uints(tokenIds),
        uints(amounts));
  }

  public static byte[] withdrawTo721(Address childToken, Address receiver, BigInteger tokenId) {
    return Abi.call(
        WITHDRAW_TO_721,
        AbiValue.address(childToken),
        AbiValue.address(receiver),
        AbiValue.uint(tokenId));
  }

  public static byte[] withdrawBatch721(
      Address childToken, List<Address> receivers, List<BigInteger> tokenIds) {
    return Abi.call(
        WITHDRAW_BATCH_721, AbiValue.address(childToken), addresses(receivers), uints(tokenIds));
  }

  public static byte[] withdrawTo1155(
      Address childToken, Address receiver, BigInteger tokenId, BigInteger amount) {
    return Abi.call(
        WITHDRAW_TO_1155,
        AbiValue.address(childToken),
        AbiValue.address(receiver),
        AbiValue.uint(tokenId),
        AbiValue.uint(amount));
  }

  public static byte[] withdrawBatch1155(
      Address childToken,
      List<Address> receivers,
      List<BigInteger> tokenIds,
      List<BigInteger> amounts) {
    return Abi.call(
        WITHDRAW_BATCH_1155,
        AbiValue.address(childToken),
        addresses(receivers),
        uints(tokenIds),
        uints(amounts));
  }

  public static byte[] setApprovalForAll(Address operator, boolean approved) {
    return Abi.call(SET_APPROVAL_FOR_ALL, AbiValue.address(operator), AbiValue.bool(approved));
  }

  public static byte[] ownerOf(BigInteger tokenId) {
    return Abi.call("ownerOf(uint256)", AbiValue.uint(tokenId));
  }

  public static byte[] balanceOf1155(Address account, BigInteger tokenId) {
    return Abi.call(
        "balanceOf(address,uint256)", AbiValue.address(account), AbiValue.uint(tokenId));
  }

  private static AbiValue addresses(List<Address> a) {
    return AbiValue.array(a.stream().map(AbiValue::address).toList());
  }

  private static AbiValue uints(List<BigInteger> v) {
    return AbiValue.array(v.stream().map(AbiValue::uint).toList());
  }
}
