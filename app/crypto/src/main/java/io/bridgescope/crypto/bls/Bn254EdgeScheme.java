package io.bridgescope.crypto.bls;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.G2PublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Polygon Edge's BLS over BN254 (docs/protocol.md, "BLS (Edge flavour)"): 32-byte big-endian secret
 * keys, 128-byte public keys in G2 (EVM order {@code x.imag ‖ x.real ‖ y.imag ‖ y.real}), 64-byte
 * signatures in G1 ({@code x ‖ y}), Edge's hash to G1 with the domain as DST (Edge passes a 32-byte
 * keccak; any 1 to 255 bytes are accepted). Pure Java, see {@link Bn254Bls}.
 *
 * <p>{@link #aggregateVerify} is safe only for keys with proof of possession (Edge registers
 * validators with one), as for any same-message BLS aggregate.
 */
public final class Bn254EdgeScheme implements BlsScheme {

  /** Weights of batch checks; an attacker who could predict them could pass a bad signature. */
  private final SecureRandom random = new SecureRandom();

  private static final int MAX_DST_LENGTH = 255;

  @Override
  public String name() {
    return "bn254-edge";
  }

  @Override
  public int secretKeyLength() {
    return Bn254Bls.SECRET_KEY_LENGTH;
  }

  @Override
  public int publicKeyLength() {
    return G2Point.ENCODED_LENGTH;
  }

  @Override
  public int signatureLength() {
    return G1Point.ENCODED_LENGTH;
  }

  @Override
  public BlsKeyPair generateKeyPair(SecureRandom random) {
    BigInteger sk = Bn254Bls.generateSecretKey(random);
    return new BlsKeyPair(Bn254Bls.secretKeyToBytes(sk), Bn254Bls.publicKey(sk).toEvmBytes());
  }

  @Override
  public byte[] publicKey(byte[] secretKey) {
    return Bn254Bls.publicKey(Bn254Bls.secretKeyFromBytes(secretKey)).toEvmBytes();
  }

  @Override
  public byte[] sign(byte[] secretKey, byte[] message, byte[] domain) {
    BigInteger sk = Bn254Bls.secretKeyFromBytes(secretKey);
    return Bn254Bls.sign(sk, present("message", message), checkDomain(domain)).toBytes();
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature, byte[] domain) {
    G2Point pk = G2Point.fromEvmBytes(publicKey, "publicKey");
    G1Point sig = G1Point.fromBytes(signature, "signature");
    return Bn254Bls.verify(pk, present("message", message), sig, checkDomain(domain));
  }

  @Override
  public byte[] aggregateSignatures(List<byte[]> signatures) {
    nonEmpty("signatures", signatures);
    List<G1Point> points = new ArrayList<>(signatures.size());
    for (int i = 0; i < signatures.size(); i++) {
      points.add(G1Point.fromBytes(signatures.get(i), "signatures[" + i + "]"));
    }
    return Bn254Bls.aggregateSignatures(points).toBytes();
  }

  @Override
  public byte[] aggregatePublicKeys(List<byte[]> publicKeys) {
    return Bn254Bls.aggregatePublicKeys(publicKeyPoints(publicKeys)).toEvmBytes();
  }

  @Override
  public boolean aggregateVerify(
      List<byte[]> publicKeys, byte[] message, byte[] signature, byte[] domain) {
    List<G2Point> keys = publicKeyPoints(publicKeys);
    G1Point sig = G1Point.fromBytes(signature, "signature");
    // Distinct valid keys can still sum to infinity; Bn254Bls.verify then answers false.
    return Bn254Bls.aggregateVerify(keys, present("message", message), sig, checkDomain(domain));
  }

  @Override
  public BlsPublicKey decodePublicKey(byte[] publicKey, String field) {
    return new Bn254PublicKey(G2Point.fromEvmBytes(publicKey, field), publicKey);
  }

  @Override
  public boolean aggregateVerifyDecoded(
      List<BlsPublicKey> publicKeys, byte[] message, byte[] signature, byte[] domain) {
    nonEmpty("publicKeys", publicKeys);
    List<G2Point> keys = new ArrayList<>(publicKeys.size());
    for (Bn254PublicKey k : DecodedKeys.of(publicKeys, Bn254PublicKey.class, name())) {
      keys.add(k.point());
    }
    G1Point sig = G1Point.fromBytes(signature, "signature");
    return Bn254Bls.aggregateVerify(keys, present("message", message), sig, checkDomain(domain));
  }

  @Override
  public BlsPublicKey aggregateDecoded(List<BlsPublicKey> add, List<BlsPublicKey> subtract) {
    List<G2Point> points = new ArrayList<>(add.size() + subtract.size());
    for (Bn254PublicKey k : DecodedKeys.of(add, Bn254PublicKey.class, name())) {
      points.add(k.point());
    }
    for (Bn254PublicKey k : DecodedKeys.of(subtract, Bn254PublicKey.class, name())) {
      points.add(k.point().negate());
    }
    return new Bn254PublicKey(Bn254Bls.aggregatePublicKeys(points), null);
  }

  @Override
  public boolean verifyAggregate(
      BlsPublicKey aggregate, byte[] message, byte[] signature, byte[] domain) {
    Bn254PublicKey key = DecodedKeys.one(aggregate, Bn254PublicKey.class, name());
    G1Point sig = G1Point.fromBytes(signature, "signature");
    return Bn254Bls.verify(key.key(), present("message", message), sig, checkDomain(domain));
  }

  @Override
  public boolean verifyAggregateBatch(
      List<BlsPublicKey> aggregates,
      List<byte[]> messages,
      List<byte[]> signatures,
      byte[] domain) {
    if (messages.size() != aggregates.size() || signatures.size() != aggregates.size()) {
      throw new IllegalArgumentException("a batch needs as many messages and signatures as keys");
    }
    List<G2PublicKey> keys = new ArrayList<>(aggregates.size());
    for (Bn254PublicKey k : DecodedKeys.of(aggregates, Bn254PublicKey.class, name())) {
      keys.add(k.key());
    }
    List<G1Point> sigs = new ArrayList<>(signatures.size());
    try {
      checkDomain(domain);
      for (int i = 0; i < signatures.size(); i++) {
        present("message", messages.get(i));
        sigs.add(G1Point.fromBytes(signatures.get(i), "signature"));
      }
    } catch (InvalidEncodingException e) {
      return false; // checked one by one, each gets its own error
    }
    return Bn254Bls.verifyBatch(keys, messages, sigs, domain, random);
  }

  private static List<G2Point> publicKeyPoints(List<byte[]> publicKeys) {
    nonEmpty("publicKeys", publicKeys);
    List<G2Point> points = new ArrayList<>(publicKeys.size());
    for (int i = 0; i < publicKeys.size(); i++) {
      points.add(G2Point.fromEvmBytes(publicKeys.get(i), "publicKeys[" + i + "]"));
    }
    return points;
  }

  private static byte[] checkDomain(byte[] domain) {
    if (domain == null || domain.length == 0) {
      throw new InvalidEncodingException("domain", "must not be empty");
    }
    if (domain.length > MAX_DST_LENGTH) {
      throw new InvalidEncodingException("domain", "longer than 255 bytes, too long for a DST");
    }
    return domain;
  }

  private static byte[] present(String field, byte[] bytes) {
    if (bytes == null) {
      throw new InvalidEncodingException(field, "missing");
    }
    return bytes;
  }

  private static void nonEmpty(String field, List<?> list) {
    if (list == null || list.isEmpty()) {
      throw new InvalidEncodingException(field, "must not be empty");
    }
  }
}
