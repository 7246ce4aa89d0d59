package io.bridgescope.crypto.bls;

import java.security.SecureRandom;
import java.util.List;

/**
 * A BLS signature scheme seen through encoded bytes only, so a network profile can pick the curve.
 *
 * <p>Every method validates its inputs at this boundary: wrong lengths, points off the curve or
 * outside the subgroup, the point at infinity and field elements not below the modulus are rejected
 * with {@link io.bridgescope.crypto.InvalidEncodingException} naming the field. {@code domain} is
 * the domain-separation tag used by hash-to-curve (Edge: a 32-byte keccak of a domain string).
 */
public interface BlsScheme {

  /** A short stable name, e.g. {@code "bn254-edge"} or {@code "bls12-381"}. */
  String name();

  int secretKeyLength();

  int publicKeyLength();

  int signatureLength();

  /** A fresh key pair from the given randomness; the caller clears {@code secretKey} after use. */
  BlsKeyPair generateKeyPair(SecureRandom random);

  byte[] publicKey(byte[] secretKey);

  byte[] sign(byte[] secretKey, byte[] message, byte[] domain);

  boolean verify(byte[] publicKey, byte[] message, byte[] signature, byte[] domain);

  byte[] aggregateSignatures(List<byte[]> signatures);

  byte[] aggregatePublicKeys(List<byte[]> publicKeys);

  /** Verifies one aggregate signature over one message signed by all of {@code publicKeys}. */
  boolean aggregateVerify(List<byte[]> publicKeys, byte[] message, byte[] signature, byte[] domain);
}
