package io.bridgescope.desktop.testing;

import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Real commitment-tree leaves: keccak256(abi.encode(StateSync)) for ids start..start+n-1. */
public final class Leaves {

  private Leaves() {}

  public static List<byte[]> stateSyncs(int count) {
    List<byte[]> leaves = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] sender = address(0x10 + i % 7);
      byte[] receiver = address(0x1001);
      byte[] data = ("deposit " + (i + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      leaves.add(BridgeLeaves.stateSyncLeaf(BigInteger.valueOf(i + 1L), sender, receiver, data));
    }
    return leaves;
  }

  private static byte[] address(int low) {
    byte[] a = new byte[20];
    a[18] = (byte) (low >> 8);
    a[19] = (byte) low;
    return a;
  }
}
