package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ERC-721 and ERC-1155 calls the signer knows, decoded from calldata: the predicates' {@code
 * depositTo} / {@code depositBatch} / {@code withdrawTo} / {@code withdrawBatch} (docs/protocol.md,
 * Every asset kind: function entry points) and the token's {@code setApprovalForAll}.
 */
final class NftCalls {

  /**
   * A deposit (root) or withdrawal (child) of ERC-721 ids or ERC-1155 id/amount pairs; one receiver
   * per id. {@code amounts} is empty for ERC-721.
   */
  record NftMove(
      BridgeFunction function,
      AssetKind kind,
      Address token,
      List<Address> receivers,
      List<BigInteger> ids,
      List<BigInteger> amounts,
      List<DecodedCall.Arg> args)
      implements CallDecoder.Call {

    NftMove {
      receivers = List.copyOf(receivers);
      ids = List.copyOf(ids);
      amounts = List.copyOf(amounts);
      args = List.copyOf(args);
    }

    boolean batch() {
      return isBatch(function);
    }

    /**
     * A deposit leaves the token's home: root-native ones from the root, child-native ones from the
     * child.
     */
    boolean deposit() {
      return function.purpose == TxPurpose.DEPOSIT;
    }

    /** "ids [1, 2]" or "id 1 × 10, id 2 × 5". */
    String what() {
      if (kind == AssetKind.ERC721) {
        return (ids.size() == 1 ? "id " : "ids ") + list(ids);
      }
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        pairs.add("id " + ids.get(i) + " × " + amounts.get(i));
      }
      return String.join(", ", pairs);
    }

    /** "R" when every id goes to one receiver, else the list. */
    String receiverText() {
      return receivers.stream().distinct().count() == 1
          ? receivers.get(0).toString()
          : list(receivers);
    }
  }

  /** {@code setApprovalForAll(operator, approved)} on the token the transaction is sent to. */
  record SetApproval(Address operator, boolean approved, List<DecodedCall.Arg> args)
      implements CallDecoder.Call {
    @Override
    public BridgeFunction function() {
      return BridgeFunction.SET_APPROVAL_FOR_ALL;
    }
  }

  private NftCalls() {}

  static SetApproval setApproval(AbiReader r) {
    Address operator = r.address("operator", 0);
    boolean approved = r.bool("approved", 1);
    return new SetApproval(
        operator,
        approved,
        List.of(
            new DecodedCall.Arg("operator", "address", operator.toString()),
            new DecodedCall.Arg("approved", "bool", Boolean.toString(approved))));
  }

  static NftMove move(BridgeFunction f, AbiReader r, int size) {
    AssetKind kind = kindOf(f);
    String tokenArg =
        f.purpose == TxPurpose.DEPOSIT
            ? (f.chain == ChainRole.CHILD ? "childNativeToken" : "rootToken")
            : "childToken";
    Address token = r.address(tokenArg, 0);
    List<Address> receivers;
    List<BigInteger> ids;
    List<BigInteger> amounts = List.of();
    List<DecodedCall.Arg> args = new ArrayList<>();
    args.add(new DecodedCall.Arg(tokenArg, "address", token.toString()));
    if (isBatch(f)) {
      receivers = addresses(r.tail("receivers", 1), "receivers", size);
      ids = uints(r.tail("tokenIds", 2), "tokenIds", size);
      if (kind == AssetKind.ERC1155) {
        amounts = uints(r.tail("amounts", 3), "amounts", size);
      }
      if (receivers.size() != ids.size()
          || (kind == AssetKind.ERC1155 && amounts.size() != ids.size())) {
        throw new AbiDecodingException(
            "tokenIds",
            "the receivers, ids"
                + (kind == AssetKind.ERC1155 ? " and amounts" : "")
                + " differ in length ("
                + receivers.size()
                + ", "
                + ids.size()
                + (kind == AssetKind.ERC1155 ? ", " + amounts.size() : "")
                + "): the predicate would revert");
      }
      if (ids.isEmpty()) {
        throw new AbiDecodingException("tokenIds", "is empty: the call would move nothing");
      }
      args.add(new DecodedCall.Arg("receivers", "address[]", list(receivers)));
      args.add(new DecodedCall.Arg("tokenIds", "uint256[]", list(ids)));
      if (kind == AssetKind.ERC1155) {
        args.add(new DecodedCall.Arg("amounts", "uint256[]", list(amounts)));
      }
    } else {
      receivers = List.of(r.address("receiver", 1));
      ids = List.of(r.uint("tokenId", 2));
      args.add(new DecodedCall.Arg("receiver", "address", receivers.get(0).toString()));
      args.add(new DecodedCall.Arg("tokenId", "uint256", ids.get(0).toString()));
      if (kind == AssetKind.ERC1155) {
        amounts = List.of(r.uint("amount", 3));
        args.add(new DecodedCall.Arg("amount", "uint256", amounts.get(0).toString()));
      }
    }
    return new NftMove(f, kind, token, receivers, ids, amounts, args);
  }

  static byte[] encode(CallDecoder.Call c) {
    if (c instanceof SetApproval a) {
      return AssetCalls.setApprovalForAll(a.operator(), a.approved());
    }
    NftMove m = (NftMove) c;
    return switch (m.function()) {
      case DEPOSIT_TO_721, DEPOSIT_TO_721_FROM_CHILD ->
          AssetCalls.depositTo721(m.token(), m.receivers().get(0), m.ids().get(0));
      case DEPOSIT_BATCH_721, DEPOSIT_BATCH_721_FROM_CHILD ->
          AssetCalls.depositBatch721(m.token(), m.receivers(), m.ids());
      case DEPOSIT_TO_1155, DEPOSIT_TO_1155_FROM_CHILD ->
          AssetCalls.depositTo1155(
              m.token(), m.receivers().get(0), m.ids().get(0), m.amounts().get(0));
      case DEPOSIT_BATCH_1155, DEPOSIT_BATCH_1155_FROM_CHILD ->
          AssetCalls.depositBatch1155(m.token(), m.receivers(), m.ids(), m.amounts());
      case WITHDRAW_TO_721, WITHDRAW_TO_721_FROM_ROOT ->
          AssetCalls.withdrawTo721(m.token(), m.receivers().get(0), m.ids().get(0));
      case WITHDRAW_BATCH_721, WITHDRAW_BATCH_721_FROM_ROOT ->
          AssetCalls.withdrawBatch721(m.token(), m.receivers(), m.ids());
      case WITHDRAW_TO_1155, WITHDRAW_TO_1155_FROM_ROOT ->
          AssetCalls.withdrawTo1155(
              m.token(), m.receivers().get(0), m.ids().get(0), m.amounts().get(0));
      case WITHDRAW_BATCH_1155, WITHDRAW_BATCH_1155_FROM_ROOT ->
          AssetCalls.withdrawBatch1155(m.token(), m.receivers(), m.ids(), m.amounts());
      default -> throw new IllegalArgumentException(m.function() + " is not an NFT move");
    };
  }

  /** The one-line description of an NFT call, from its decoded fields. */
  static String summary(CallDecoder.Call c, Address to) {
    if (c instanceof SetApproval a) {
      return (a.approved() ? "approve " : "revoke ")
          + a.operator()
          + " as operator of every token of "
          + to
          + " (setApprovalForAll "
          + a.approved()
          + ")";
    }
    NftMove m = (NftMove) c;
    String kind = m.kind() == AssetKind.ERC721 ? "ERC-721" : "ERC-1155";
    return m.deposit()
        ? "deposit "
            + kind
            + " "
            + m.what()
            + " of "
            + m.token()
            + " to "
            + m.receiverText()
            + (m.function().chain == ChainRole.CHILD ? " on the root" : " on the child")
        : "withdraw "
            + kind
            + " "
            + m.what()
            + (m.function().chain == ChainRole.ROOT ? " of root mirror " : " of child token ")
            + m.token()
            + " to "
            + m.receiverText()
            + (m.function().chain == ChainRole.ROOT ? " on the child" : "");
  }

  static boolean isBatch(BridgeFunction f) {
    return f == BridgeFunction.DEPOSIT_BATCH_721
        || f == BridgeFunction.DEPOSIT_BATCH_1155
        || f == BridgeFunction.WITHDRAW_BATCH_721
        || f == BridgeFunction.WITHDRAW_BATCH_1155
        || f == BridgeFunction.DEPOSIT_BATCH_721_FROM_CHILD
        || f == BridgeFunction.DEPOSIT_BATCH_1155_FROM_CHILD
        || f == BridgeFunction.WITHDRAW_BATCH_721_FROM_ROOT
        || f == BridgeFunction.WITHDRAW_BATCH_1155_FROM_ROOT;
  }

  static AssetKind kindOf(BridgeFunction f) {
    return switch (f) {
      case DEPOSIT_TO_721,
          DEPOSIT_BATCH_721,
          WITHDRAW_TO_721,
          WITHDRAW_BATCH_721,
          DEPOSIT_TO_721_FROM_CHILD,
          DEPOSIT_BATCH_721_FROM_CHILD,
          WITHDRAW_TO_721_FROM_ROOT,
          WITHDRAW_BATCH_721_FROM_ROOT ->
          AssetKind.ERC721;
      case DEPOSIT_TO_1155,
          DEPOSIT_BATCH_1155,
          WITHDRAW_TO_1155,
          WITHDRAW_BATCH_1155,
          DEPOSIT_TO_1155_FROM_CHILD,
          DEPOSIT_BATCH_1155_FROM_CHILD,
          WITHDRAW_TO_1155_FROM_ROOT,
          WITHDRAW_BATCH_1155_FROM_ROOT ->
          AssetKind.ERC1155;
      default -> throw new IllegalArgumentException(f + " is not an NFT move");
    };
  }

  static <T> String list(List<T> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<Address> addresses(AbiReader arr, String field, int size) {
    int n = CallDecoder.length(arr, field, size);
    AbiReader body = arr.arrayBody();
    List<Address> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body.address(field + "[" + i + "]", i));
    }
    return out;
  }

  private static List<BigInteger> uints(AbiReader arr, String field, int size) {
    int n = CallDecoder.length(arr, field, size);
    AbiReader body = arr.arrayBody();
    List<BigInteger> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body.uint(field + "[" + i + "]", i));
    }
    return out;
  }
}
