package io.bridgescope.crypto.bls;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.SecretKey;

/**
 * BLS12-381, minimal-public-key variant (public key in G1, 48 bytes compressed; signature in G2, 96
 * bytes compressed), over jblst. Hash to G2 is RFC 9380 {@code BLS12381G2_XMD:SHA-256_SSWU_RO_}
 * with the domain as DST.
 *
 * <p>jblst takes the DST as a Java String and hands the native code its (modified) UTF-8 bytes, so
 * only domains of bytes 0x01..0x7F reach it unchanged. Such domains (e.g. Ethereum's {@code
 * BLS_SIG_...} tags) are used as-is; any other domain, such as a 32-byte keccak, is used as {@code
 * "BRIDGESCOPE-DST-HEX:" + lowercase hex(domain)}. Both sides of a signature go through this class,
 * so they agree.
 *
 * <p>The native library loads on first use; a failure becomes {@link BlsUnavailableException}.
 * {@link #aggregateVerify} is safe only for keys with proof of possession (Edge registers
 * validators with one), as for any same-message BLS aggregate.
 */
public final class Bls12381Scheme implements BlsScheme {

  static final String HEX_DST_PREFIX = "BRIDGESCOPE-DST-HEX:";
  private static final BigInteger GROUP_ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  private static final int MAX_DST_LENGTH = 255;

  private final Runnable nativeLoader;
  private volatile boolean loaded;

  public Bls12381Scheme() {
    // Touching any blst class runs blstJNI's static initialiser, which unpacks and loads the
    // library.
    this(() -> P1.generator());
  }

  /** For tests: a loader that fails the way a missing native library does. */
  Bls12381Scheme(Runnable nativeLoader) {
    this.nativeLoader = nativeLoader;
  }

  @Override
  public String name() {
    return "bls12-381";
  }

  @Override
  public int secretKeyLength() {
    return 32;
  }

  @Override
  public int publicKeyLength() {
    return 48;
  }

  @Override
  public int signatureLength() {
    return 96;
  }

  @Override
  public BlsKeyPair generateKeyPair(SecureRandom random) {
    ensureLoaded();
    byte[] ikm = new byte[32];
    random.nextBytes(ikm);
    SecretKey sk = new SecretKey();
    sk.keygen(ikm);
    Arrays.fill(ikm, (byte) 0);
    byte[] secret = sk.to_bendian();
    return new BlsKeyPair(secret, new P1(sk).compress());
  }

  @Override
  public byte[] publicKey(byte[] secretKey) {
    ensureLoaded();
    return new P1(secretKey("secretKey", secretKey)).compress();
  }

  @Override
  public byte[] sign(byte[] secretKey, byte[] message, byte[] domain) {
    ensureLoaded();
    SecretKey sk = secretKey("secretKey", secretKey);
    String dst = dst(domain);
    return new P2().hash_to(present("message", message), dst).sign_with(sk).compress();
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature, byte[] domain) {
    ensureLoaded();
    P1_Affine pk = publicKeyPoint("publicKey", publicKey);
    P2_Affine sig = signaturePoint("signature", signature);
    String dst = dst(domain);
    return sig.core_verify(pk, true, present("message", message), dst) == BLST_ERROR.BLST_SUCCESS;
  }

  @Override
  public byte[] aggregateSignatures(List<byte[]> signatures) {
    ensureLoaded();
    nonEmpty("signatures", signatures);
    P2 sum = new P2();
    for (int i = 0; i < signatures.size(); i++) {
      sum.aggregate(signaturePoint("signatures[" + i + "]", signatures.get(i)));
    }
    return sum.compress();
  }

  @Override
  public byte[] aggregatePublicKeys(List<byte[]> publicKeys) {
    ensureLoaded();
    return sumPublicKeys(publicKeys).compress();
  }

  @Override
  public boolean aggregateVerify(
      List<byte[]> publicKeys, byte[] message, byte[] signature, byte[] domain) {
    ensureLoaded();
    return verifyWithKey(sumPublicKeys(publicKeys).to_affine(), message, signature, domain);
  }

  private static boolean verifyWithKey(
      P1_Affine pk, byte[] message, byte[] signature, byte[] domain) {
    P2_Affine sig = signaturePoint("signature", signature);
    String dst = dst(domain);
    // Distinct valid keys can still sum to infinity; such an aggregate proves nothing.
    if (pk.is_inf()) {
      return false;
    }
    return sig.core_verify(pk, true, present("message", message), dst) == BLST_ERROR.BLST_SUCCESS;
  }

  @Override
  public BlsPublicKey decodePublicKey(byte[] publicKey, String field) {
    ensureLoaded();
    return new Bls12381PublicKey(publicKeyPoint(field, publicKey), publicKey);
  }

  @Override
  public boolean aggregateVerifyDecoded(
      List<BlsPublicKey> publicKeys, byte[] message, byte[] signature, byte[] domain) {
    ensureLoaded();
    nonEmpty("publicKeys", publicKeys);
    P1 sum = new P1();
    for (Bls12381PublicKey k : DecodedKeys.of(publicKeys, Bls12381PublicKey.class, name())) {
      sum.aggregate(k.point());
    }
    return verifyWithKey(sum.to_affine(), message, signature, domain);
  }

  @Override
  public BlsPublicKey aggregateDecoded(List<BlsPublicKey> add, List<BlsPublicKey> subtract) {
    ensureLoaded();
    P1 sum = new P1();
    for (Bls12381PublicKey k : DecodedKeys.of(add, Bls12381PublicKey.class, name())) {
      sum = sum.add(k.point());
    }
    for (Bls12381PublicKey k : DecodedKeys.of(subtract, Bls12381PublicKey.class, name())) {
      sum = sum.add(new P1(k.point()).neg());
    }
    return new Bls12381PublicKey(sum.to_affine(), sum.compress());
  }

  @Override
  public boolean verifyAggregate(
      BlsPublicKey aggregate, byte[] message, byte[] signature, byte[] domain) {
    ensureLoaded();
    Bls12381PublicKey key = DecodedKeys.one(aggregate, Bls12381PublicKey.class, name());
    return verifyWithKey(key.point(), message, signature, domain);
  }

  /** One by one: the native library is fast enough that no caller needed more. */
  @Override
  public boolean verifyAggregateBatch(
      List<BlsPublicKey> aggregates,
      List<byte[]> messages,
      List<byte[]> signatures,
      byte[] domain) {
    if (messages.size() != aggregates.size() || signatures.size() != aggregates.size()) {
      throw new IllegalArgumentException("a batch needs as many messages and signatures as keys");
    }
    try {
      for (int i = 0; i < aggregates.size(); i++) {
        if (!verifyAggregate(aggregates.get(i), messages.get(i), signatures.get(i), domain)) {
          return false;
        }
      }
      return true;
    } catch (InvalidEncodingException e) {
      return false;
    }
  }

  private P1 sumPublicKeys(List<byte[]> publicKeys) {
    nonEmpty("publicKeys", publicKeys);
    P1 sum = new P1();
    for (int i = 0; i < publicKeys.size(); i++) {
      sum.aggregate(publicKeyPoint("publicKeys[" + i + "]", publicKeys.get(i)));
    }
    return sum;
  }

  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    try {
      nativeLoader.run();
    } catch (LinkageError | RuntimeException e) {
      // ExceptionInInitializerError the first time, NoClassDefFoundError after, and jblst itself
      // wraps UnsatisfiedLinkError and IOException in RuntimeException.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new BlsUnavailableException(
          "BLS12-381 native library (jblst) could not be loaded on "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + ": "
              + cause,
          e);
    }
    loaded = true;
  }

  private static SecretKey secretKey(String field, byte[] bytes) {
    if (bytes == null || bytes.length != 32) {
      throw new InvalidEncodingException(field, "expected 32 bytes, got " + lengthOf(bytes));
    }
    BigInteger value = new BigInteger(1, bytes);
    if (value.signum() == 0 || value.compareTo(GROUP_ORDER) >= 0) {
      throw new InvalidEncodingException(field, "not in [1, group order)");
    }
    SecretKey sk = new SecretKey();
    sk.from_bendian(bytes);
    return sk;
  }

  private static P1_Affine publicKeyPoint(String field, byte[] bytes) {
    if (bytes == null || bytes.length != 48) {
      throw new InvalidEncodingException(field, "expected 48 bytes, got " + lengthOf(bytes));
    }
    P1_Affine point;
    try {
      point = new P1_Affine(bytes);
    } catch (RuntimeException e) {
      throw new InvalidEncodingException(
          field, "not a compressed G1 point (" + e.getMessage() + ")");
    }
    if (point.is_inf()) {
      throw new InvalidEncodingException(field, "point at infinity");
    }
    if (!point.in_group()) {
      throw new InvalidEncodingException(field, "not in the G1 subgroup");
    }
    return point;
  }

  private static P2_Affine signaturePoint(String field, byte[] bytes) {
    if (bytes == null || bytes.length != 96) {
      throw new InvalidEncodingException(field, "expected 96 bytes, got " + lengthOf(bytes));
    }
    P2_Affine point;
    try {
      point = new P2_Affine(bytes);
    } catch (RuntimeException e) {
      throw new InvalidEncodingException(
          field, "not a compressed G2 point (" + e.getMessage() + ")");
    }
    if (point.is_inf()) {
      throw new InvalidEncodingException(field, "point at infinity");
    }
    if (!point.in_group()) {
      throw new InvalidEncodingException(field, "not in the G2 subgroup");
    }
    return point;
  }

  /** The DST jblst will see; see the class comment for why non-ASCII domains go through hex. */
  static String dst(byte[] domain) {
    if (domain == null || domain.length == 0) {
      throw new InvalidEncodingException("domain", "must not be empty");
    }
    boolean plainAscii = true;
    for (byte b : domain) {
      plainAscii &= b >= 0x01; // bytes are signed: 0x80..0xff are negative
    }
    String dst =
        plainAscii
            ? new String(domain, StandardCharsets.US_ASCII)
            : HEX_DST_PREFIX + HexFormat.of().formatHex(domain);
    if (dst.length() > MAX_DST_LENGTH) {
      throw new InvalidEncodingException("domain", "too long for a hash-to-curve DST");
    }
    return dst;
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

  private static String lengthOf(byte[] bytes) {
    return bytes == null ? "nothing" : String.valueOf(bytes.length);
  }
}
