package io.bridgescope.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Ethereum's keccak256 (original Keccak padding, not SHA3-256). */
public final class Keccak {

  private Keccak() {}

  public static byte[] keccak256(byte[] input) {
    return keccak256(input, 0, input.length);
  }

  public static byte[] keccak256(byte[] input, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(input, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** keccak256(a ‖ b) for two 32-byte nodes, the Merkle parent rule. */
  public static byte[] keccak256(byte[] a, byte[] b) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(a, 0, a.length);
    digest.update(b, 0, b.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
