package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Edge's hash to G1 (not RFC 9380's hash_to_curve; see docs/protocol.md, "BLS (Edge flavour)"):
 * expand_message_xmd with SHA-256 (RFC 9380 section 5.3.1) to 96 bytes using the domain as DST, two
 * 48-byte big-endian integers reduced mod p, each mapped with the Fouque–Tibouchi map, and the two
 * points added.
 */
public final class HashToG1 {

  private static final int FIELD_BYTES = 48;
  private static final int SHA256_BLOCK = 64;

  // Fouque–Tibouchi constants for y^2 = x^3 + b, b = 3: sqrt(-3) and (-1 + sqrt(-3)) / 2, where
  // sqrt(-3) is the root returned by Fp.sqrt (the one that is itself a square), as Edge uses.
  private static final Fp SQRT_MINUS_3 =
      Objects.requireNonNull(Fp.of(3).neg().sqrt(), "-3 is a square mod p");
  private static final Fp Z1 = SQRT_MINUS_3.sub(Fp.ONE).halve();
  private static final Fp ONE_PLUS_B = Fp.ONE.add(G1Point.B);

  private HashToG1() {}

  /**
   * Hashes {@code message} under {@code domain} (the DST, 1 to 255 bytes; Edge uses 32) to a point
   * of G1.
   */
  public static G1Point hash(byte[] message, byte[] domain) {
    byte[] uniform = expandMessageXmd(message, domain, 2 * FIELD_BYTES);
    Fp t0 = Fp.reduce(new BigInteger(1, java.util.Arrays.copyOfRange(uniform, 0, FIELD_BYTES)));
    Fp t1 = Fp.reduce(new BigInteger(1, java.util.Arrays.copyOfRange(uniform, FIELD_BYTES, 96)));
    // Both maps divide by 1 + b + t^2; one inversion serves both (Montgomery's trick). It is never
    // zero: t^2 = -4 has no root because -1 is not a square (p = 3 mod 4).
    Fp d0 = ONE_PLUS_B.add(t0.sqr());
    Fp d1 = ONE_PLUS_B.add(t1.sqr());
    Fp inv = d0.mul(d1).inverse();
    return mapToPoint(t0, d1.mul(inv)).add(mapToPoint(t1, d0.mul(inv))).normalize();
  }

  /**
   * expand_message_xmd(msg, DST, len) with SHA-256, RFC 9380 section 5.3.1.
   *
   * @throws IllegalArgumentException if the DST is empty or longer than 255 bytes, or more than 255
   *     blocks are requested
   */
  public static byte[] expandMessageXmd(byte[] message, byte[] dst, int lengthInBytes) {
    if (dst.length == 0 || dst.length > 255) {
      throw new IllegalArgumentException("DST must be 1 to 255 bytes long");
    }
    int blocks = (lengthInBytes + 31) / 32;
    if (blocks > 255 || lengthInBytes > 65535 || lengthInBytes <= 0) {
      throw new IllegalArgumentException("requested length out of range");
    }
    MessageDigest sha = sha256();
    sha.update(new byte[SHA256_BLOCK]);
    sha.update(message);
    sha.update(new byte[] {(byte) (lengthInBytes >>> 8), (byte) lengthInBytes, 0});
    sha.update(dst);
    sha.update((byte) dst.length);
    byte[] b0 = sha.digest();

    byte[] out = new byte[blocks * 32];
    byte[] previous = new byte[32];
    for (int i = 1; i <= blocks; i++) {
      byte[] input = new byte[32];
      for (int k = 0; k < 32; k++) {
        input[k] = (byte) (b0[k] ^ previous[k]);
      }
      sha.update(i == 1 ? b0 : input);
      sha.update((byte) i);
      sha.update(dst);
      sha.update((byte) dst.length);
      previous = sha.digest();
      System.arraycopy(previous, 0, out, (i - 1) * 32, 32);
    }
    return java.util.Arrays.copyOf(out, lengthInBytes);
  }

  /**
   * The Fouque–Tibouchi ("Indifferentiable hashing to Barreto–Naehrig curves", 2012) map of t: w =
   * sqrt(-3) t / (1 + b + t^2), candidates x1 = (-1 + sqrt(-3))/2 - t w, x2 = -1 - x1, x3 = 1 +
   * 1/w^2, the first whose x^3 + b is a square. Edge's details, confirmed by the vectors: y is the
   * root {@code (x^3+b)^((p+1)/4)}, negated when t is not a square (t = 0 counts as a square), and
   * 1/0 is taken as 0.
   */
  static G1Point mapToPoint(Fp t) {
    return mapToPoint(t, ONE_PLUS_B.add(t.sqr()).inverse());
  }

  /** The map with {@code 1 / (1 + b + t^2)} given. */
  private static G1Point mapToPoint(Fp t, Fp invDenominator) {
    boolean tIsSquare = t.legendre() >= 0;
    Fp w = SQRT_MINUS_3.mul(t).mul(invDenominator);
    Fp x1 = Z1.sub(t.mul(w));
    Fp x2 = Fp.ONE.neg().sub(x1);
    for (int i = 0; i < 3; i++) {
      // x3 needs an inversion; it is the candidate only when x1 and x2 are not (about 1 in 4)
      Fp x = i == 0 ? x1 : i == 1 ? x2 : Fp.ONE.add(w.sqr().inverse());
      Fp g = x.sqr().mul(x).add(G1Point.B);
      // the cheap Legendre symbol first: only the candidate that has a root pays for it
      Fp y = g.legendre() >= 0 ? g.sqrt() : null;
      if (y != null) {
        return new G1Point(x, tIsSquare ? y : y.neg(), Fp.ONE);
      }
    }
    // Unreachable: for any t one of the three candidates lies on the curve (Shallue–van de
    // Woestijne).
    throw new IllegalStateException("no Fouque-Tibouchi candidate on the curve");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
    }
  }
}
