package io.bridgescope.crypto.bls;

import java.util.Arrays;

/** Encoded secret and public key. Call {@link #destroy()} when the secret is no longer needed. */
public record BlsKeyPair(byte[] secretKey, byte[] publicKey) {

  public void destroy() {
    Arrays.fill(secretKey, (byte) 0);
  }
}
