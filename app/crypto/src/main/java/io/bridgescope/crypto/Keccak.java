package io.bridgescope.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Ethereum's keccak256 (original Keccak padding, not SHA3-256).
 *
 * <p>The static methods allocate a digest per call and are thread-safe. Hot loops (Merkle trees
 * over a million leaves) use an instance from {@link #create()}, which reuses one digest and hashes
 * into caller-provided arrays so that no garbage is made per hash; an instance is not thread-safe.
 */
public final class Keccak {

  public static final int HASH_LENGTH = 32;

  private final KeccakDigest digest = new KeccakDigest(256);

  private Keccak() {}

  /** A reusable hasher for one thread. */
  public static Keccak create() {
    return new Keccak();
  }

  public static byte[] keccak256(byte[] input) {
    return keccak256(input, 0, input.length);
  }

  public static byte[] keccak256(byte[] input, int offset, int length) {
    byte[] out = new byte[HASH_LENGTH];
    create().hash(input, offset, length, out, 0);
    return out;
  }

  /** keccak256(a ‖ b); with two 32-byte nodes this is the Merkle parent rule. */
  public static byte[] keccak256(byte[] a, byte[] b) {
    Keccak k = create();
    k.digest.update(a, 0, a.length);
    k.digest.update(b, 0, b.length);
    byte[] out = new byte[HASH_LENGTH];
    k.digest.doFinal(out, 0);
    return out;
  }

  /** Writes keccak256(input[offset, offset+length)) to out[outOffset, outOffset+32). */
  public void hash(byte[] input, int offset, int length, byte[] out, int outOffset) {
    digest.update(input, offset, length);
    digest.doFinal(out, outOffset);
  }

  /** Writes keccak256(a[aOffset..+32) ‖ b[bOffset..+32)) to out[outOffset..+32). */
  public void hashPair(byte[] a, int aOffset, byte[] b, int bOffset, byte[] out, int outOffset) {
    digest.update(a, aOffset, HASH_LENGTH);
    digest.update(b, bOffset, HASH_LENGTH);
    digest.doFinal(out, outOffset);
  }

  /** Returns keccak256 of the input; convenience for callers that want a fresh array. */
  public byte[] hash(byte[] input) {
    byte[] out = new byte[HASH_LENGTH];
    hash(input, 0, input.length, out, 0);
    return out;
  }
}
