package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * An element of the BN254 base field F_p, held as four 64-bit little-endian limbs in Montgomery
 * form (value * 2^256 mod p). Immutable; every operation returns a fully reduced element.
 */
final class Fp {

  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  static final long P0 = P.longValue();
  static final long P1 = P.shiftRight(64).longValue();
  static final long P2 = P.shiftRight(128).longValue();
  static final long P3 = P.shiftRight(192).longValue();

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  static final long INV =
      BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();

  private static final BigInteger R = BigInteger.ONE.shiftLeft(256).mod(P);
  private static final Fp R2_RAW = raw(R.multiply(R).mod(P));
  private static final Fp R3_RAW = raw(R.pow(3).mod(P));
  private static final Fp ONE_RAW = new Fp(1, 0, 0, 0);
  private static final BigInteger P_MINUS_2 = P.subtract(BigInteger.TWO);
  private static final BigInteger SQRT_EXP = P.add(BigInteger.ONE).shiftRight(2);
  private static final BigInteger LEGENDRE_EXP = P.subtract(BigInteger.ONE).shiftRight(1);

  static final Fp ZERO = new Fp(0, 0, 0, 0);
  static final Fp ONE = raw(R);

  final long l0;
  final long l1;
  final long l2;
  final long l3;

  Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** Limbs of {@code v} taken as they are (no Montgomery conversion); {@code 0 <= v < p}. */
  private static Fp raw(BigInteger v) {
    return new Fp(
        v.longValue(),
        v.shiftRight(64).longValue(),
        v.shiftRight(128).longValue(),
        v.shiftRight(192).longValue());
  }

  /** The element {@code v}, which must satisfy {@code 0 <= v < p}. */
  static Fp of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(P) >= 0) {
      throw new IllegalArgumentException("not a canonical field element");
    }
    return raw(v).mul(R2_RAW);
  }

  /** The element {@code v mod p} for any integer {@code v}. */
  static Fp reduce(BigInteger v) {
    return raw(v.mod(P)).mul(R2_RAW);
  }

  static Fp of(long v) {
    return reduce(BigInteger.valueOf(v));
  }

  /** The canonical integer in {@code [0, p)}. */
  BigInteger toBigInteger() {
    Fp c = mul(ONE_RAW);
    return toUnsigned(c);
  }

  private static BigInteger toUnsigned(Fp c) {
    byte[] b = new byte[32];
    long[] limbs = {c.l3, c.l2, c.l1, c.l0};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 8; j++) {
        b[i * 8 + j] = (byte) (limbs[i] >>> (56 - 8 * j));
      }
    }
    return new BigInteger(1, b);
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  boolean isOne() {
    return equals(ONE);
  }

  Fp add(Fp b) {
    long s0 = l0 + b.l0;
    long c = ((l0 & b.l0) | ((l0 | b.l0) & ~s0)) >>> 63;
    long s1 = l1 + b.l1 + c;
    c = ((l1 & b.l1) | ((l1 | b.l1) & ~s1)) >>> 63;
    long s2 = l2 + b.l2 + c;
    c = ((l2 & b.l2) | ((l2 | b.l2) & ~s2)) >>> 63;
    long s3 = l3 + b.l3 + c; // both operands are below 2^254: no carry out
    return subtractPIfNeeded(s0, s1, s2, s3);
  }

  Fp dbl() {
    return add(this);
  }

  /**
   * Subtracts p when {@code (s0..s3) >= p}; the input must be below 2p. Branch-free: the outcome is
   * data dependent and a mispredicted branch costs more than the selection.
   */
  static Fp subtractPIfNeeded(long s0, long s1, long s2, long s3) {
    long d0 = s0 - P0;
    long br = ((~s0 & P0) | (~(s0 ^ P0) & d0)) >>> 63;
    long d1 = s1 - P1 - br;
    br = ((~s1 & P1) | (~(s1 ^ P1) & d1)) >>> 63;
    long d2 = s2 - P2 - br;
    br = ((~s2 & P2) | (~(s2 ^ P2) & d2)) >>> 63;
    long d3 = s3 - P3 - br;
    br = ((~s3 & P3) | (~(s3 ^ P3) & d3)) >>> 63;
    long keep = -br; // all ones when s < p: keep s
    return new Fp(
        d0 ^ ((s0 ^ d0) & keep),
        d1 ^ ((s1 ^ d1) & keep),
        d2 ^ ((s2 ^ d2) & keep),
        d3 ^ ((s3 ^ d3) & keep));
  }

  /** this - b, adding p back (under a mask, without a branch) when the subtraction borrows. */
  Fp sub(Fp b) {
    long d0 = l0 - b.l0;
    long br = ((~l0 & b.l0) | (~(l0 ^ b.l0) & d0)) >>> 63;
    long d1 = l1 - b.l1 - br;
    br = ((~l1 & b.l1) | (~(l1 ^ b.l1) & d1)) >>> 63;
    long d2 = l2 - b.l2 - br;
    br = ((~l2 & b.l2) | (~(l2 ^ b.l2) & d2)) >>> 63;
    long d3 = l3 - b.l3 - br;
    br = ((~l3 & b.l3) | (~(l3 ^ b.l3) & d3)) >>> 63;
    long mask = -br;
    long q0 = P0 & mask;
    long q1 = P1 & mask;
    long q2 = P2 & mask;
    long s0 = d0 + q0;
    long c = ((d0 & q0) | ((d0 | q0) & ~s0)) >>> 63;
    long s1 = d1 + q1 + c;
    c = ((d1 & q1) | ((d1 | q1) & ~s1)) >>> 63;
    long s2 = d2 + q2 + c;
    c = ((d2 & q2) | ((d2 | q2) & ~s2)) >>> 63;
    return new Fp(s0, s1, s2, d3 + (P3 & mask) + c);
  }

  Fp neg() {
    return isZero() ? this : ZERO.sub(this);
  }

  /** this / 2: add p when odd (the sum stays below 2^255), then shift right by one bit. */
  Fp halve() {
    long s0 = l0;
    long s1 = l1;
    long s2 = l2;
    long s3 = l3;
    if ((l0 & 1) != 0) {
      s0 = l0 + P0;
      long c = ((l0 & P0) | ((l0 | P0) & ~s0)) >>> 63;
      s1 = l1 + P1 + c;
      c = ((l1 & P1) | ((l1 | P1) & ~s1)) >>> 63;
      s2 = l2 + P2 + c;
      c = ((l2 & P2) | ((l2 | P2) & ~s2)) >>> 63;
      s3 = l3 + P3 + c;
    }
    return new Fp(
        (s0 >>> 1) | (s1 << 63), (s1 >>> 1) | (s2 << 63), (s2 >>> 1) | (s3 << 63), s3 >>> 1);
  }

  /** Montgomery product this * b / 2^256 mod p, i.e. the product of the represented values. */
  Fp mul(Fp b) {
    return Montgomery.mul(this, b);
  }

  Fp sqr() {
    return mul(this);
  }

  Fp mul(long small) {
    return mul(of(small));
  }

  /**
   * this^e by left-to-right sliding windows of up to {@value #WINDOW} bits over the precomputed odd
   * powers: for a 254-bit exponent about 254 squarings and 60 products instead of 254 and 127. The
   * square roots and Legendre symbols of hash-to-point are three to six of these per hash.
   */
  Fp pow(BigInteger e) {
    if (e.signum() == 0) {
      return ONE;
    }
    Fp[] odd = new Fp[1 << (WINDOW - 1)]; // this^1, this^3, ..., this^(2^WINDOW - 1)
    odd[0] = this;
    Fp square = sqr();
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].mul(square);
    }
    // e's top bit is set, so the first step is a window and sets result before any squaring
    @Nullable Fp result = null;
    int i = e.bitLength() - 1;
    while (i >= 0) {
      if (!e.testBit(i)) {
        result = java.util.Objects.requireNonNull(result).sqr();
        i--;
        continue;
      }
      // the longest window e[i..j] of at most WINDOW bits that ends in a one
      int j = Math.max(i - WINDOW + 1, 0);
      while (!e.testBit(j)) {
        j++;
      }
      int digit = 0;
      for (int k = i; k >= j; k--) {
        digit = (digit << 1) | (e.testBit(k) ? 1 : 0);
        if (result != null) {
          result = result.sqr();
        }
      }
      result = result == null ? odd[digit >>> 1] : result.mul(odd[digit >>> 1]);
      i = j - 1;
    }
    return java.util.Objects.requireNonNull(result);
  }

  private static final int WINDOW = 4;

  /** Multiplicative inverse; the inverse of zero is taken to be zero. */
  Fp inverse() {
    if (isZero()) {
      return ZERO;
    }
    // (aR)^-1 as an integer, then one Montgomery product with R^3 gives a^-1 R.
    BigInteger inv = toUnsigned(this).modInverse(P);
    return raw(inv).mul(R3_RAW);
  }

  /** Inverse by Fermat's little theorem, used to cross-check {@link #inverse()}. */
  Fp inverseByPow() {
    return pow(P_MINUS_2);
  }

  /**
   * The square root {@code this^((p+1)/4)} (p = 3 mod 4), which is itself a square, or null when
   * this is not a square.
   */
  @Nullable Fp sqrt() {
    Fp s = pow(SQRT_EXP);
    return s.sqr().equals(this) ? s : null;
  }

  /** Legendre symbol: 1 for a non-zero square, -1 for a non-square, 0 for zero. */
  int legendre() {
    Fp c = mul(ONE_RAW); // out of Montgomery form
    return Jacobi.legendre(new long[] {c.l0, c.l1, c.l2, c.l3});
  }

  /** The Legendre symbol by Euler's criterion, used to cross-check {@link #legendre()}. */
  int legendreByPow() {
    if (isZero()) {
      return 0;
    }
    return pow(LEGENDRE_EXP).isOne() ? 1 : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp f && f.l0 == l0 && f.l1 == l1 && f.l2 == l2 && f.l3 == l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ (l1 * 31) ^ (l2 * 961) ^ (l3 * 29791));
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
