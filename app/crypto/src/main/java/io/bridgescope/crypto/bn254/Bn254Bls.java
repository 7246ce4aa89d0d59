package io.bridgescope.crypto.bn254;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Edge-flavour BLS on BN254 with typed points: signatures and hashed messages in G1, public keys in
 * G2, verification {@code e(sig, -G2) * e(H(m), pk) == 1} (docs/protocol.md, "BLS (Edge flavour)").
 * Aggregation is plain point addition. The domain is the hash-to-point DST, a 32-byte keccak of a
 * domain string in Edge.
 *
 * <p>Typical use (devnet validator): {@code kp = generateKeyPair(seededRandom)}; publish {@code
 * kp.publicKey().toEvmBytes()} or {@code toUint256Array()}; {@code sign(kp.secretKey(), msg,
 * domain).toBytes()}; {@code aggregateSignatures(...)}; {@code aggregateVerify(keys, msg, agg,
 * domain)}.
 *
 * <p>Not hardened against timing side channels (BigInteger scalars, variable-time double-and-add):
 * fine for verification, devnets and tooling, not for guarding valuable keys on shared hardware.
 */
public final class Bn254Bls {

  /** Length of an encoded secret key: 32 bytes big-endian. */
  public static final int SECRET_KEY_LENGTH = 32;

  /** -G2 with its Miller-loop lines computed once: it is one side of every verification. */
  private static final G2Prepared NEG_G2 = new G2Prepared(G2Point.generator().negate());

  private Bn254Bls() {}

  /**
   * A uniformly random secret key in [1, r - 1] drawn from {@code random} (a seeded {@link Random}
   * gives reproducible devnet keys; use a {@link java.security.SecureRandom} for real ones).
   */
  public static BigInteger generateSecretKey(Random random) {
    BigInteger sk;
    do {
      sk = new BigInteger(Bn254.CURVE_ORDER.bitLength(), random);
    } while (sk.signum() == 0 || sk.compareTo(Bn254.CURVE_ORDER) >= 0);
    return sk;
  }

  /** A key pair from {@link #generateSecretKey(Random)}. */
  public static Bn254KeyPair generateKeyPair(Random random) {
    BigInteger sk = generateSecretKey(random);
    return new Bn254KeyPair(sk, publicKey(sk));
  }

  /** {@code sk * G2}. */
  public static G2Point publicKey(BigInteger secretKey) {
    return G2Point.generator().multiply(checkSecretKey(secretKey)).normalize();
  }

  /** {@code sk * H(message, domain)}. */
  public static G1Point sign(BigInteger secretKey, byte[] message, byte[] domain) {
    return HashToG1.hash(message, domain).multiply(checkSecretKey(secretKey)).normalize();
  }

  /** Whether {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(
      G2Point publicKey, byte[] message, G1Point signature, byte[] domain) {
    if (publicKey.isInfinity() || signature.isInfinity()) {
      return false;
    }
    G1Point h = HashToG1.hash(message, domain);
    return Pairing.pairingCheckPrepared(
        List.of(signature, h), List.of(NEG_G2, new G2Prepared(publicKey)));
  }

  /** The sum of the signatures (the point at infinity for an empty list). */
  public static G1Point aggregateSignatures(List<G1Point> signatures) {
    G1Point sum = G1Point.infinity();
    for (G1Point s : signatures) {
      sum = sum.add(s);
    }
    return sum.normalize();
  }

  /** The sum of the public keys (the point at infinity for an empty list). */
  public static G2Point aggregatePublicKeys(List<G2Point> publicKeys) {
    G2Point sum = G2Point.infinity();
    for (G2Point k : publicKeys) {
      sum = sum.add(k);
    }
    return sum.normalize();
  }

  /**
   * Verifies an aggregate signature over one message signed by every key in {@code publicKeys} (as
   * Edge's commit and checkpoint checks do). False for an empty key list.
   */
  public static boolean aggregateVerify(
      List<G2Point> publicKeys, byte[] message, G1Point aggregateSignature, byte[] domain) {
    if (publicKeys.isEmpty()) {
      return false;
    }
    return verify(aggregatePublicKeys(publicKeys), message, aggregateSignature, domain);
  }

  /** The 32-byte big-endian encoding of a secret key. */
  public static byte[] secretKeyToBytes(BigInteger secretKey) {
    byte[] out = new byte[SECRET_KEY_LENGTH];
    Codec.writeWord(checkSecretKey(secretKey), out, 0);
    return out;
  }

  /**
   * Decodes a 32-byte big-endian secret key.
   *
   * @throws InvalidEncodingException (field {@code "secretKey"}) on a wrong length, zero, or a
   *     value not below r
   */
  public static BigInteger secretKeyFromBytes(byte[] bytes) {
    Codec.requireLength(bytes, SECRET_KEY_LENGTH, "secretKey");
    BigInteger sk = new BigInteger(1, bytes);
    if (sk.signum() == 0) {
      throw new InvalidEncodingException("secretKey", "is zero");
    }
    if (sk.compareTo(Bn254.CURVE_ORDER) >= 0) {
      throw new InvalidEncodingException("secretKey", "is not below the group order r");
    }
    return sk;
  }

  private static BigInteger checkSecretKey(BigInteger sk) {
    if (sk == null || sk.signum() <= 0 || sk.compareTo(Bn254.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("secret key must be in [1, r - 1]");
    }
    return sk;
  }
}
