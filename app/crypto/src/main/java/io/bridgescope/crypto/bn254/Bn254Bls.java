package io.bridgescope.crypto.bn254;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Whether {@code signature} is a valid signature of {@code message} under a key whose lines may
   * already be computed; false for the point at infinity, like {@link #verify(G2Point, byte[],
   * G1Point, byte[])}.
   */
  public static boolean verify(
      G2PublicKey publicKey, byte[] message, G1Point signature, byte[] domain) {
    if (publicKey.point().isInfinity() || signature.isInfinity()) {
      return false;
    }
    G1Point h = HashToG1.hash(message, domain);
    return Pairing.pairingCheckPrepared(List.of(signature, h), List.of(NEG_G2, publicKey.lines()));
  }

  /** Bits of the random weights of {@link #verifyBatch}: a false accept has chance 2^-128. */
  static final int BATCH_WEIGHT_BITS = 128;

  /**
   * Whether every {@code signatures[i]} is a valid signature of {@code messages[i]} under {@code
   * keys[i]}, checked together: with random non-zero weights r_i of {@value #BATCH_WEIGHT_BITS}
   * bits, {@code e(sum r_i sig_i, -G2) * prod e(r_i H(m_i), pk_i) == 1}, one multi-pairing and one
   * final exponentiation instead of n of each. Signatures under the same key object share one pair,
   * {@code e(sum r_i H(m_i), pk)}: a validator set that signs every commitment costs one Miller
   * loop per batch, not one per signature. True means all of them verify, except with probability
   * below 2^-128 (the small-exponents batch test; every point is in its prime-order group, which
   * decoding checks); false means at least one does not, or a key or signature is the point at
   * infinity, and the caller checks them one by one.
   *
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static boolean verifyBatch(
      List<G2PublicKey> keys,
      List<byte[]> messages,
      List<G1Point> signatures,
      byte[] domain,
      Random random) {
    int n = keys.size();
    if (messages.size() != n || signatures.size() != n) {
      throw new IllegalArgumentException("a batch needs as many messages and signatures as keys");
    }
    // per key object: its messages' hashes and their weights, summed by one multiplication
    Map<G2PublicKey, List<G1Point>> hashes = new IdentityHashMap<>();
    Map<G2PublicKey, List<BigInteger>> hashWeights = new IdentityHashMap<>();
    List<BigInteger> weights = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (keys.get(i).point().isInfinity() || signatures.get(i).isInfinity()) {
        return false;
      }
      BigInteger r;
      do {
        r = new BigInteger(BATCH_WEIGHT_BITS, random);
      } while (r.signum() == 0);
      weights.add(r);
      G2PublicKey key = keys.get(i);
      hashes
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(HashToG1.hash(messages.get(i), domain));
      hashWeights.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    G1Point weightedSignatures = G1Msm.sum(signatures, weights);
    List<G1Point> g1 = new ArrayList<>(hashes.size() + 1);
    List<G2Prepared> g2 = new ArrayList<>(hashes.size() + 1);
    // A pair with the point at infinity contributes 1 (and the loop below must not see one).
    for (Map.Entry<G2PublicKey, List<G1Point>> e : hashes.entrySet()) {
      G1Point h =
          G1Msm.sum(e.getValue(), java.util.Objects.requireNonNull(hashWeights.get(e.getKey())));
      if (!h.isInfinity()) {
        g1.add(h);
        g2.add(e.getKey().lines());
      }
    }
    if (!weightedSignatures.isInfinity()) {
      g1.add(weightedSignatures);
      g2.add(NEG_G2);
    }
    return Pairing.pairingCheckPrepared(g1, g2);
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
    if (publicKeys.stream().allMatch(G2Point::isAffine)) {
      return G2Point.sumOfAffine(publicKeys); // decoded keys: the cheapest way
    }
    G2Point sum = G2Point.infinity();
    for (G2Point k : publicKeys) {
      sum = k.isAffine() ? sum.addAffine(k) : sum.add(k);
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
