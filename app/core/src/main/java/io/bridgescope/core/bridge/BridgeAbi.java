package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.List;

/** Calldata of the bridge contracts' functions (signatures per docs/protocol.md). */
public final class BridgeAbi {

  static final String STATE_SYNC = "(uint256,address,address,bytes)";
  static final String COMMITMENT = "(uint256,uint256,bytes32)";
  static final String VALIDATOR = "(address,uint256[4],uint256)";
  public static final String COMMIT = "commit(" + COMMITMENT + ",bytes,bytes)";
  public static final String SUBMIT =
      "submit((bytes32,uint256,bytes32),(uint256,uint256,bytes32),uint256[2],"
          + VALIDATOR
          + "[],bytes)";
  public static final String EXECUTE = "execute(bytes32[]," + STATE_SYNC + ")";
  public static final String BATCH_EXECUTE = "batchExecute(bytes32[][]," + STATE_SYNC + "[])";
  public static final String EXIT = "exit(uint256,uint256,bytes,bytes32[])";
  public static final String BATCH_EXIT = "batchExit((uint256,uint256,bytes,bytes32[])[])";

  private BridgeAbi() {}

  public static byte[] syncState(Address receiver, byte[] data) {
    return Abi.call("syncState(address,bytes)", AbiValue.address(receiver), AbiValue.bytes(data));
  }

  /** The third {@code commit} argument: {@code abi.encode(bytes[] publicKeys, bytes bitmap)}. */
  public static byte[] commitSignersBlob(List<byte[]> publicKeys, byte[] bitmap) {
    return Abi.encode(
        AbiValue.array(publicKeys.stream().map(AbiValue::bytes).toList()), AbiValue.bytes(bitmap));
  }

  public static byte[] commit(StateSyncCommitment c, byte[] signature, byte[] signersBlob) {
    return Abi.call(COMMIT, c.toAbi(), AbiValue.bytes(signature), AbiValue.bytes(signersBlob));
  }

  public static byte[] submit(
      CheckpointMetadata meta,
      Checkpoint cp,
      BigInteger[] signature,
      List<Validator> newSet,
      byte[] bitmap) {
    return Abi.call(
        SUBMIT,
        meta.toAbi(),
        cp.toAbi(),
        AbiValue.fixedArray(List.of(AbiValue.uint(signature[0]), AbiValue.uint(signature[1]))),
        Validator.toAbi(newSet),
        AbiValue.bytes(bitmap));
  }

  public static byte[] execute(List<Hash32> proof, StateSync obj) {
    return Abi.call(EXECUTE, proofAbi(proof), obj.toAbi());
  }

  public static byte[] batchExecute(List<List<Hash32>> proofs, List<StateSync> objs) {
    return Abi.call(
        BATCH_EXECUTE,
        AbiValue.array(proofs.stream().map(BridgeAbi::proofAbi).toList()),
        AbiValue.array(objs.stream().map(StateSync::toAbi).toList()));
  }

  /** One ExitHelper exit; {@code blockNumber} is the checkpoint block (or any block it covers). */
  public record ExitInput(
      BigInteger blockNumber, BigInteger leafIndex, byte[] unhashedLeaf, List<Hash32> proof) {

    AbiValue toAbi() {
      return AbiValue.tuple(
          AbiValue.uint(blockNumber),
          AbiValue.uint(leafIndex),
          AbiValue.bytes(unhashedLeaf),
          proofAbi(proof));
    }
  }

  public static byte[] exit(ExitInput in) {
    return Abi.call(
        EXIT,
        AbiValue.uint(in.blockNumber()),
        AbiValue.uint(in.leafIndex()),
        AbiValue.bytes(in.unhashedLeaf()),
        proofAbi(in.proof()));
  }

  public static byte[] batchExit(List<ExitInput> inputs) {
    return Abi.call(BATCH_EXIT, AbiValue.array(inputs.stream().map(ExitInput::toAbi).toList()));
  }

  static AbiValue proofAbi(List<Hash32> proof) {
    return AbiValue.array(proof.stream().map(AbiValue::bytes32).toList());
  }

  public static byte[] uintView(String signature, BigInteger arg) {
    return Abi.call(signature, AbiValue.uint(arg));
  }

  public static byte[] noArgView(String signature) {
    return Abi.call(signature);
  }

  public static byte[] approve(Address spender, BigInteger amount) {
    return Abi.call("approve(address,uint256)", AbiValue.address(spender), AbiValue.uint(amount));
  }

  public static byte[] balanceOf(Address owner) {
    return Abi.call("balanceOf(address)", AbiValue.address(owner));
  }

  public static byte[] depositTo(Address rootToken, Address receiver, BigInteger amount) {
    return Abi.call(
        "depositTo(address,address,uint256)",
        AbiValue.address(rootToken),
        AbiValue.address(receiver),
        AbiValue.uint(amount));
  }

  public static byte[] withdrawTo(Address childToken, Address receiver, BigInteger amount) {
    return Abi.call(
        "withdrawTo(address,address,uint256)",
        AbiValue.address(childToken),
        AbiValue.address(receiver),
        AbiValue.uint(amount));
  }
}
