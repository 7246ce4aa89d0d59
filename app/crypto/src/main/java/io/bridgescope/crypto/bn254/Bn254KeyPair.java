package io.bridgescope.crypto.bn254;

import java.math.BigInteger;

/**
 * An Edge BLS key pair: secret scalar in [1, r - 1] and public key {@code secretKey * G2}.
 *
 * @param secretKey the secret scalar; never log it
 * @param publicKey the public key in G2
 */
public record Bn254KeyPair(BigInteger secretKey, G2Point publicKey) {

  @Override
  public String toString() {
    return "Bn254KeyPair[publicKey=" + publicKey + "]";
  }
}
