package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.index.Payloads;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
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

  /** A decoded call: its function and each argument in words. */
  sealed interface Call
      permits Exits,
          Execute,
          TokenMove,
          Approve,
          MapTokenCall,
          NftCalls.NftMove,
          NftCalls.SetApproval {
    BridgeFunction function();

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
  record Exits(BridgeFunction function, List<ExitInput> inputs, List<DecodedCall.Arg> args)
      implements Call {}

  /** {@code StateReceiver.execute(proof, obj)}. */
  record Execute(
      List<Hash32> proof,
      StateSync obj,
      Optional<Erc20Transfer> deposit,
      List<DecodedCall.Arg> args)
      implements Call {
    @Override
    public BridgeFunction function() {
      return BridgeFunction.EXECUTE;
    }
  }

  /** A predicate's withdraw/withdrawTo/deposit/depositTo; no receiver means the sender. */
  record TokenMove(
      BridgeFunction function,
      Address token,
      Optional<Address> receiver,
      BigInteger amount,
      List<DecodedCall.Arg> args)
      implements Call {}

  /** {@code approve(spender, amount)} on the token the transaction is sent to. */
  record Approve(Address spender, BigInteger amount, List<DecodedCall.Arg> args) implements Call {
    @Override
    public BridgeFunction function() {
      return BridgeFunction.APPROVE;
    }
  }

  private CallDecoder() {}

  /**
   * The function whose selector starts {@code data}, if it is one the signer knows; a selector two
   * functions share is read as the ERC-20 one (use the overload that knows the target).
   */
  static Optional<BridgeFunction> function(byte[] data) {
    if (data.length < 4) {
      return Optional.empty();
    }
    byte[] sel = Arrays.copyOf(data, 4);
    return Arrays.stream(BridgeFunction.values())
        .filter(f -> !f.byTarget() && f.hasSelector(sel))
        .findFirst();
  }

  /**
   * As {@link #function(byte[])}, with a shared selector read by the contract it goes to: e.g.
   * {@code depositTo} sent to the profile's ERC-721 predicate is the ERC-721 call, and sent to the
   * child's RootMintableERC20Predicate the child-native one.
   */
  static Optional<BridgeFunction> function(byte[] data, Address to, BridgeContracts contracts) {
    Optional<BridgeFunction> f = function(data);
    if (f.isEmpty()) {
      return f;
    }
    for (BridgeFunction t : BridgeFunction.values()) {
      if (t.byTarget()
          && t.signature.equals(f.get().signature)
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

  private static Optional<Call> decode(Optional<BridgeFunction> f, byte[] data) {
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
          case WITHDRAW_TO, DEPOSIT_TO, DEPOSIT_TO_CHILD_NATIVE, WITHDRAW_TO_FROM_ROOT ->
              tokenMove(f.get(), r, true);
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
              DEPOSIT_BATCH_1155_FROM_CHILD,
              WITHDRAW_TO_721_FROM_ROOT,
              WITHDRAW_BATCH_721_FROM_ROOT,
              WITHDRAW_TO_1155_FROM_ROOT,
              WITHDRAW_BATCH_1155_FROM_ROOT ->
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

  private static TokenMove tokenMove(BridgeFunction f, AbiReader r, boolean withReceiver) {
    Address token = r.address("token", 0);
    Optional<Address> receiver =
        withReceiver ? Optional.of(r.address("receiver", 1)) : Optional.empty();
    BigInteger amount = r.uint("amount", withReceiver ? 2 : 1);
    String tokenArg =
        f == BridgeFunction.DEPOSIT_TO_CHILD_NATIVE
            ? "childNativeToken"
            : f.chain == ChainRole.CHILD || f == BridgeFunction.WITHDRAW_TO_FROM_ROOT
                ? "childToken"
                : "rootToken";
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
      return e.function() == BridgeFunction.EXIT
          ? BridgeAbi.exit(in.get(0))
          : BridgeAbi.batchExit(in);
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
      case WITHDRAW_TO, WITHDRAW_TO_FROM_ROOT ->
          BridgeAbi.withdrawTo(m.token(), m.receiver().orElseThrow(), m.amount());
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
