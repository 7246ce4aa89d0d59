package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.index.Payloads;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the calldata of the bridge calls the wallet signs, by function and argument, from the
 * bytes alone. A body is accepted only in its canonical encoding (re-encoding the decoded values
 * gives the same bytes), so nothing can hide in unusual offsets or trailing bytes.
 */
final class CallDecoder {

  /** The calls the signer knows, with the contract and chain each one belongs to. */
  enum Function {
    EXIT(BridgeAbi.EXIT, "ExitHelper", ChainRole.ROOT, TxPurpose.EXIT),
    BATCH_EXIT(BridgeAbi.BATCH_EXIT, "ExitHelper", ChainRole.ROOT, TxPurpose.BATCH_EXIT),
    EXECUTE(BridgeAbi.EXECUTE, "StateReceiver", ChainRole.CHILD, TxPurpose.EXECUTE),
    WITHDRAW(
        "withdraw(address,uint256)", "ChildERC20Predicate", ChainRole.CHILD, TxPurpose.WITHDRAW),
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
        AssetCalls.WITHDRAW_BATCH_1155,
        "ChildERC1155Predicate",
        ChainRole.CHILD,
        TxPurpose.WITHDRAW),
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
        AssetCalls.DEPOSIT_TO_721,
        "RootMintableERC721Predicate",
        ChainRole.CHILD,
        TxPurpose.DEPOSIT),
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
        MapTokenCall.SIGNATURE, "RootMintableERC1155Predicate", ChainRole.CHILD, TxPurpose.OTHER);

    final String signature;
    final String contractName;
    final ChainRole chain;
    final TxPurpose purpose;
    private final byte[] selector;

    Function(String signature, String contractName, ChainRole chain, TxPurpose purpose) {
      this.signature = signature;
      this.contractName = contractName;
      this.chain = chain;
      this.purpose = purpose;
      this.selector = Abi.selector(signature);
    }

    byte[] signatureSelector() {
      return selector.clone();
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
            MAP_CHILD_NATIVE_1155 ->
            true;
        default -> false;
      };
    }

    /**
     * The profile's contract this call must go to; empty for a call on a token, and when the
     * profile names no such contract (a network without a root NFT predicate).
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
      };
    }
  }

  /** A decoded call: its function and each argument in words. */
  sealed interface Call
      permits Exits,
          Execute,
          TokenMove,
          Approve,
          MapTokenCall,
          NftCalls.NftMove,
          NftCalls.SetApproval {
    Function function();

    List<DecodedCall.Arg> args();
  }

  /** The leaf of an exit tree, decoded: {@code abi.encode(id, sender, receiver, data)}. */
  record ExitLeaf(
      BigInteger id,
      Address sender,
      Address receiver,
      Bytes data,
      Optional<Erc20Transfer> withdrawal) {}

  /** One {@code exit} or one element of a {@code batchExit}. */
  record ExitInput(
      BigInteger blockNumber,
      BigInteger leafIndex,
      Bytes unhashedLeaf,
      ExitLeaf leaf,
      List<Hash32> proof) {}

  /** {@code ExitHelper.exit} (one input) or {@code batchExit}. */
  record Exits(Function function, List<ExitInput> inputs, List<DecodedCall.Arg> args)
      implements Call {}

  /** {@code StateReceiver.execute(proof, obj)}. */
  record Execute(
      List<Hash32> proof,
      StateSync obj,
      Optional<Erc20Transfer> deposit,
      List<DecodedCall.Arg> args)
      implements Call {
    @Override
    public Function function() {
      return Function.EXECUTE;
    }
  }

  /** A predicate's withdraw/withdrawTo/deposit/depositTo; no receiver means the sender. */
  record TokenMove(
      Function function,
      Address token,
      Optional<Address> receiver,
      BigInteger amount,
      List<DecodedCall.Arg> args)
      implements Call {}

  /** {@code approve(spender, amount)} on the token the transaction is sent to. */
  record Approve(Address spender, BigInteger amount, List<DecodedCall.Arg> args) implements Call {
    @Override
    public Function function() {
      return Function.APPROVE;
    }
  }

  private CallDecoder() {}

  /**
   * The function whose selector starts {@code data}, if it is one the signer knows; a selector two
   * functions share is read as the ERC-20 one (use the overload that knows the target).
   */
  static Optional<Function> function(byte[] data) {
    if (data.length < 4) {
      return Optional.empty();
    }
    byte[] sel = Arrays.copyOf(data, 4);
    return Arrays.stream(Function.values())
        .filter(f -> !f.byTarget() && Arrays.equals(f.selector, sel))
        .findFirst();
  }

  /**
   * As {@link #function(byte[])}, with a shared selector read by the contract it goes to: e.g.
   * {@code depositTo} sent to the profile's ERC-721 predicate is the ERC-721 call, and sent to the
   * child's RootMintableERC20Predicate the child-native one.
   */
  static Optional<Function> function(byte[] data, Address to, BridgeContracts contracts) {
    Optional<Function> f = function(data);
    if (f.isEmpty()) {
      return f;
    }
    for (Function t : Function.values()) {
      if (t.byTarget()
          && Arrays.equals(t.selector, f.get().selector)
          && t.contract(contracts).filter(to::equals).isPresent()) {
        return Optional.of(t);
      }
    }
    return f;
  }

  /**
   * Decodes {@code data}; empty when its selector is none the signer knows. Throws {@link
   * AbiDecodingException} naming the argument when a known selector has a malformed body. A shared
   * selector is read as the ERC-20 call: use {@link #decode(byte[], Address, BridgeContracts)} when
   * the target is known.
   */
  static Optional<Call> decode(byte[] data) {
    return decode(function(data), data);
  }

  /** Decodes {@code data} sent to {@code to}, a shared selector read by its target. */
  static Optional<Call> decode(byte[] data, Address to, BridgeContracts contracts) {
    return decode(function(data, to, contracts), data);
  }

  private static Optional<Call> decode(Optional<Function> f, byte[] data) {
    if (f.isEmpty()) {
      return Optional.empty();
    }
    AbiReader r = AbiReader.ofCalldata(data);
    Call c =
        switch (f.get()) {
          case EXIT -> ExitCallDecoding.exit(r, data.length);
          case BATCH_EXIT -> ExitCallDecoding.batchExit(r, data.length);
          case EXECUTE -> execute(r, data.length);
          case WITHDRAW, DEPOSIT -> tokenMove(f.get(), r, false);
          case WITHDRAW_TO, DEPOSIT_TO, DEPOSIT_TO_CHILD_NATIVE -> tokenMove(f.get(), r, true);
          case APPROVE -> approve(r);
          case MAP_CHILD_NATIVE, MAP_CHILD_NATIVE_721, MAP_CHILD_NATIVE_1155 ->
              MapTokenCall.decode(f.get(), r);
          case SET_APPROVAL_FOR_ALL -> NftCalls.setApproval(r);
          case DEPOSIT_TO_721,
              DEPOSIT_BATCH_721,
              DEPOSIT_TO_1155,
              DEPOSIT_BATCH_1155,
              WITHDRAW_TO_721,
              WITHDRAW_BATCH_721,
              WITHDRAW_TO_1155,
              WITHDRAW_BATCH_1155,
              DEPOSIT_TO_721_FROM_CHILD,
              DEPOSIT_BATCH_721_FROM_CHILD,
              DEPOSIT_TO_1155_FROM_CHILD,
              DEPOSIT_BATCH_1155_FROM_CHILD ->
              NftCalls.move(f.get(), r, data.length);
        };
    if (!Arrays.equals(encode(c), data)) {
      throw new AbiDecodingException(
          "data",
          "the "
              + f.get().functionName()
              + " call is not in the canonical ABI encoding (extra bytes or unusual offsets)");
    }
    return Optional.of(c);
  }

  private static Execute execute(AbiReader r, int size) {
    List<Hash32> proof = proof(r.tail("proof", 0), "proof", size);
    AbiReader o = r.tail("obj", 1);
    StateSync obj =
        new StateSync(
            o.uint("obj.id", 0),
            o.address("obj.sender", 1),
            o.address("obj.receiver", 2),
            o.bytes("obj.data", 3));
    Optional<Erc20Transfer> deposit =
        Payloads.decodeFrom(obj.receiver(), obj.data(), true).transfer();
    List<DecodedCall.Arg> args =
        List.of(
            new DecodedCall.Arg("proof", "bytes32[]", proof.size() + " hashes"),
            new DecodedCall.Arg(
                "obj",
                "(uint256,address,address,bytes)",
                "(id="
                    + obj.id()
                    + ", sender="
                    + obj.sender()
                    + ", receiver="
                    + obj.receiver()
                    + ", data="
                    + obj.data().length
                    + " bytes)"));
    return new Execute(proof, obj, deposit, args);
  }

  private static TokenMove tokenMove(Function f, AbiReader r, boolean withReceiver) {
    Address token = r.address("token", 0);
    Optional<Address> receiver =
        withReceiver ? Optional.of(r.address("receiver", 1)) : Optional.empty();
    BigInteger amount = r.uint("amount", withReceiver ? 2 : 1);
    String tokenArg =
        f == Function.DEPOSIT_TO_CHILD_NATIVE
            ? "childNativeToken"
            : f.chain == ChainRole.CHILD ? "childToken" : "rootToken";
    List<DecodedCall.Arg> args = new ArrayList<>();
    args.add(new DecodedCall.Arg(tokenArg, "address", token.toString()));
    receiver.ifPresent(a -> args.add(new DecodedCall.Arg("receiver", "address", a.toString())));
    args.add(new DecodedCall.Arg("amount", "uint256", amount(amount)));
    return new TokenMove(f, token, receiver, amount, args);
  }

  private static Approve approve(AbiReader r) {
    Address spender = r.address("spender", 0);
    BigInteger amount = r.uint("amount", 1);
    return new Approve(
        spender,
        amount,
        List.of(
            new DecodedCall.Arg("spender", "address", spender.toString()),
            new DecodedCall.Arg("amount", "uint256", amount(amount))));
  }

  /** {@code 2500000000000000000 (2.5 at 18 decimals)}; the maximum is named, not printed. */
  static String amount(BigInteger v) {
    if (v.bitLength() == 256 && v.equals(BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
      return "2^256-1 (unlimited)";
    }
    return v + " (" + Amounts.ether(v) + " at 18 decimals)";
  }

  static List<Hash32> proof(AbiReader arr, String field, int size) {
    int n = length(arr, field, size);
    AbiReader body = arr.arrayBody();
    List<Hash32> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body.bytes32(field + "[" + i + "]", i));
    }
    return out;
  }

  /** An array length no larger than the data could hold: nothing is allocated for a lie. */
  static int length(AbiReader arr, String field, int size) {
    int n = arr.arrayLength(field);
    if ((long) n * 32 > size) {
      throw new AbiDecodingException(
          field, "claims " + n + " elements, more than " + size + " bytes of calldata can hold");
    }
    return n;
  }

  private static byte[] encode(Call c) {
    if (c instanceof Exits e) {
      List<BridgeAbi.ExitInput> in =
          e.inputs().stream()
              .map(
                  i ->
                      new BridgeAbi.ExitInput(
                          i.blockNumber(), i.leafIndex(), i.unhashedLeaf().value(), i.proof()))
              .toList();
      return e.function() == Function.EXIT ? BridgeAbi.exit(in.get(0)) : BridgeAbi.batchExit(in);
    }
    if (c instanceof Execute x) {
      return BridgeAbi.execute(x.proof(), x.obj());
    }
    if (c instanceof Approve a) {
      return BridgeAbi.approve(a.spender(), a.amount());
    }
    if (c instanceof MapTokenCall m) {
      return MapTokenCall.encode(m.token());
    }
    if (c instanceof NftCalls.NftMove || c instanceof NftCalls.SetApproval) {
      return NftCalls.encode(c);
    }
    TokenMove m = (TokenMove) c;
    return switch (m.function()) {
      case WITHDRAW_TO -> BridgeAbi.withdrawTo(m.token(), m.receiver().orElseThrow(), m.amount());
      case DEPOSIT_TO, DEPOSIT_TO_CHILD_NATIVE ->
          BridgeAbi.depositTo(m.token(), m.receiver().orElseThrow(), m.amount());
      default ->
          Abi.call(
              m.function().signature,
              io.bridgescope.core.abi.AbiValue.address(m.token()),
              io.bridgescope.core.abi.AbiValue.uint(m.amount()));
    };
  }
}
