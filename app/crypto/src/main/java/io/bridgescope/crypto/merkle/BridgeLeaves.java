package io.bridgescope.crypto.merkle;

import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.abi.AbiTupleEncoder;
import java.math.BigInteger;

/**
 * Leaf encodings of the two bridge trees (docs/protocol.md, "Deposit" and "Withdrawal"). Addresses
 * are 20 raw bytes; ids are uint256. The unhashed encodings are what ExitHelper.exit takes as
 * {@code unhashedLeaf}; the hashes are what the trees are built from.
 */
public final class BridgeLeaves {

  private BridgeLeaves() {}

  /**
   * {@code abi.encode(StateSync{id, sender, receiver, data})}: StateSync has a dynamic member, so
   * the encoding starts with a 0x20 offset word before the four head words.
   */
  public static byte[] stateSyncEncoding(
      BigInteger id, byte[] sender, byte[] receiver, byte[] data) {
    return tuple(id, sender, receiver, data).encodeAsStruct();
  }

  /** keccak256 of {@link #stateSyncEncoding}: a leaf of a StateReceiver commitment tree. */
  public static byte[] stateSyncLeaf(BigInteger id, byte[] sender, byte[] receiver, byte[] data) {
    return Keccak.keccak256(stateSyncEncoding(id, sender, receiver, data));
  }

  /**
   * {@code abi.encode(id, sender, receiver, data)} as a flat tuple (no leading offset word; the
   * {@code data} offset is 0x80). This is the {@code unhashedLeaf} argument of ExitHelper.exit.
   */
  public static byte[] exitEncoding(BigInteger id, byte[] sender, byte[] receiver, byte[] data) {
    return tuple(id, sender, receiver, data).encode();
  }

  /** keccak256 of {@link #exitEncoding}: a leaf of a checkpoint's exit (event) tree. */
  public static byte[] exitLeaf(BigInteger id, byte[] sender, byte[] receiver, byte[] data) {
    return Keccak.keccak256(exitEncoding(id, sender, receiver, data));
  }

  private static AbiTupleEncoder tuple(BigInteger id, byte[] sender, byte[] receiver, byte[] data) {
    return new AbiTupleEncoder()
        .uint256("id", id)
        .address("sender", sender)
        .address("receiver", receiver)
        .bytes("data", data);
  }
}
