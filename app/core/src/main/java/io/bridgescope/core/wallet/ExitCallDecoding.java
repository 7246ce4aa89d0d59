package io.bridgescope.core.wallet;

import io.bridgescope.core.abi.AbiDecodingException;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.index.Payloads;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes {@code ExitHelper.exit} and {@code batchExit} calldata for {@link CallDecoder}: each
 * input's block, leaf index, proof and its unhashed leaf, which must be the canonical {@code
 * abi.encode(id, sender, receiver, data)}.
 */
final class ExitCallDecoding {

  private ExitCallDecoding() {}

  static CallDecoder.Exits exit(AbiReader r, int size) {
    CallDecoder.ExitInput in =
        input(
            "",
            r.uint("blockNumber", 0),
            r.uint("leafIndex", 1),
            r.bytes("unhashedLeaf", 2),
            CallDecoder.proof(r.tail("proof", 3), "proof", size));
    return new CallDecoder.Exits(BridgeFunction.EXIT, List.of(in), exitArgs("", in));
  }

  static CallDecoder.Exits batchExit(AbiReader r, int size) {
    AbiReader arr = r.tail("inputs", 0);
    int n = CallDecoder.length(arr, "inputs", size);
    AbiReader body = arr.arrayBody();
    List<CallDecoder.ExitInput> inputs = new ArrayList<>(n);
    List<DecodedCall.Arg> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String p = "inputs[" + i + "].";
      AbiReader t = body.tail(p + "offset", i);
      CallDecoder.ExitInput in =
          input(
              p,
              t.uint(p + "blockNumber", 0),
              t.uint(p + "leafIndex", 1),
              t.bytes(p + "unhashedLeaf", 2),
              CallDecoder.proof(t.tail(p + "proof", 3), p + "proof", size));
      inputs.add(in);
      args.addAll(exitArgs(p, in));
    }
    return new CallDecoder.Exits(BridgeFunction.BATCH_EXIT, inputs, args);
  }

  private static CallDecoder.ExitInput input(
      String prefix, BigInteger block, BigInteger index, byte[] leaf, List<Hash32> proof) {
    AbiReader l = new AbiReader(leaf);
    String p = prefix + "leaf.";
    BigInteger id = l.uint(p + "id", 0);
    Address sender = l.address(p + "sender", 1);
    Address receiver = l.address(p + "receiver", 2);
    byte[] data = l.bytes(p + "data", 3);
    byte[] canonical = BridgeLeaves.exitEncoding(id, sender.bytes(), receiver.bytes(), data);
    if (!Arrays.equals(canonical, leaf)) {
      throw new AbiDecodingException(
          prefix + "leaf", "not the canonical abi.encode(id, sender, receiver, data)");
    }
    Optional<Erc20Transfer> w = Payloads.decodeFrom(sender, data, false).transfer();
    return new CallDecoder.ExitInput(
        block,
        index,
        Bytes.of(leaf),
        new CallDecoder.ExitLeaf(id, sender, receiver, Bytes.of(data), w),
        proof);
  }

  private static List<DecodedCall.Arg> exitArgs(String p, CallDecoder.ExitInput in) {
    CallDecoder.ExitLeaf l = in.leaf();
    return List.of(
        new DecodedCall.Arg(p + "blockNumber", "uint256", in.blockNumber().toString()),
        new DecodedCall.Arg(p + "leafIndex", "uint256", in.leafIndex().toString()),
        new DecodedCall.Arg(
            p + "unhashedLeaf",
            "bytes",
            "abi.encode(id="
                + l.id()
                + ", sender="
                + l.sender()
                + ", receiver="
                + l.receiver()
                + ", data="
                + l.data().length()
                + " bytes)"),
        new DecodedCall.Arg(p + "proof", "bytes32[]", in.proof().size() + " hashes"));
  }
}
