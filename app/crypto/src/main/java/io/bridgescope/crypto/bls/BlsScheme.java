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

  /**
   * Decodes and checks one public key with the checks {@link #aggregateVerify} applies to each key,
   * naming it {@code field} in the exception (e.g. {@code "publicKeys[3]"}).
   */
  BlsPublicKey decodePublicKey(byte[] publicKey, String field);

  /**
   * {@link #aggregateVerify} over keys this scheme decoded earlier: the same answer and the same
   * exceptions for the signature, message and domain, without decoding the keys again.
   *
   * @throws IllegalArgumentException if a key was decoded by another scheme
   */
  boolean aggregateVerifyDecoded(
      List<BlsPublicKey> publicKeys, byte[] message, byte[] signature, byte[] domain);

  /**
   * The aggregate key {@code sum(add) - sum(subtract)} of keys this scheme decoded or aggregated,
   * usable wherever a decoded key is; it may be the point at infinity. A verifier that meets the
   * same signers again sums their keys once, and one that knows a whole set's sum gets a large
   * subset as that sum minus the few keys missing.
   *
   * @throws IllegalArgumentException if a key was made by another scheme
   */
  BlsPublicKey aggregateDecoded(List<BlsPublicKey> add, List<BlsPublicKey> subtract);

  /**
   * Verifies one signature over one message by the signers whose keys {@code aggregate} sums: the
   * answer {@link #aggregateVerifyDecoded} gives for those keys (false when they sum to the point
   * at infinity), with the same exceptions for the signature, message and domain.
   */
  boolean verifyAggregate(BlsPublicKey aggregate, byte[] message, byte[] signature, byte[] domain);

  /**
   * Whether {@link #verifyAggregate} holds for every {@code (aggregates[i], messages[i],
   * signatures[i])}, checked together where the scheme can do that for less than one check each
   * (bn254-edge: one randomized multi-pairing; a false accept has chance 2^-128). False when any
   * does not verify or any input is invalid: the caller then checks them one by one, which gives
   * each its exact answer or error.
   *
   * @throws IllegalArgumentException if the lists differ in size or a key is another scheme's
   */
  boolean verifyAggregateBatch(
      List<BlsPublicKey> aggregates, List<byte[]> messages, List<byte[]> signatures, byte[] domain);
}
