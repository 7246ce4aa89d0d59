package io.bridgescope.crypto.bn254;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1*w} of F_p12 = F_p6[w]/(w^2 - v), the target group's field. Pairing
 * values are elements of this field; compare them with {@link #equals(Object)} or {@link #isOne()}.
 * Immutable.
 */
public final class Fp12 {

  static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  // Frobenius coefficients: GAMMA[k][i] = xi^(i (p^k - 1) / 6), multiplying the w^i coefficient.
  private static final Fp2[][] GAMMA = new Fp2[4][6];

  static {
    BigInteger p = Fp.P;
    for (int k = 1; k <= 3; k++) {
      BigInteger pk1 = p.pow(k).subtract(BigInteger.ONE);
      for (int i = 0; i < 6; i++) {
        GAMMA[k][i] = Fp2.XI.pow(pk1.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(6)));
      }
    }
  }

  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  /** Whether this is the multiplicative identity (a successful pairing check). */
  public boolean isOne() {
    return c0.equals(Fp6.ONE) && c1.isZero();
  }

  public Fp12 multiply(Fp12 b) {
    Fp6 t0 = c0.mul(b.c0);
    Fp6 t1 = c1.mul(b.c1);
    Fp6 r1 = c0.add(c1).mul(b.c0.add(b.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), r1);
  }

  /** Complex squaring: two F_p6 products. */
  Fp12 sqr() {
    Fp6 ab = c0.mul(c1);
    Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(ab).sub(ab.mulByV());
    return new Fp12(r0, ab.dbl());
  }

  /** f^(p^6), which is the inverse for elements of the cyclotomic subgroup. */
  Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  public Fp12 inverse() {
    Fp6 norm = c0.sqr().sub(c1.sqr().mulByV());
    Fp6 inv = norm.inverse();
    return new Fp12(c0.mul(inv), c1.mul(inv).neg());
  }

  public Fp12 pow(BigInteger e) {
    if (e.signum() < 0) {
      return inverse().pow(e.negate());
    }
    Fp12 result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.sqr();
      if (e.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  /** f^(p^k) for k in 1..3: coefficient g_i of w^i becomes g_i^(p^k) * xi^(i (p^k - 1) / 6). */
  Fp12 frobenius(int k) {
    Fp2[] g = {c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2};
    for (int i = 0; i < 6; i++) {
      Fp2 gi = (k & 1) == 1 ? g[i].conjugate() : g[i];
      g[i] = i == 0 ? gi : gi.mul(GAMMA[k][i]);
    }
    return new Fp12(new Fp6(g[0], g[2], g[4]), new Fp6(g[1], g[3], g[5]));
  }

  /**
   * Multiplication by a sparse line value {@code a + (b + c*v)*w} with a, b, c in F_p2, as produced
   * by the Miller loop for the D-type twist.
   */
  Fp12 mulByLine(Fp2 a, Fp2 b, Fp2 c) {
    Fp6 t0 = c0.mul(a);
    Fp6 t1 = c1.mulBy01(b, c);
    Fp6 r1 = c0.add(c1).mulBy01(a.add(b), c).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), r1);
  }

  /**
   * Granger–Scott squaring, valid only in the cyclotomic subgroup. View F_p12 as F_p4[t]/(t^3 - s)
   * with F_p4 = F_p2[s]/(s^2 - xi), t = w, s = w^3; f = A + B t + C t^2 with A = (g0, g3), B = (g1,
   * g4), C = (g2, g5). Then f^2 = (3A^2 - 2conj(A)) + (3sC^2 + 2conj(B)) t + (3B^2 - 2conj(C)) t^2.
   */
  Fp12 cyclotomicSqr() {
    Fp2 g0 = c0.c0;
    Fp2 g1 = c1.c0;
    Fp2 g2 = c0.c1;
    Fp2 g3 = c1.c1;
    Fp2 g4 = c0.c2;
    Fp2 g5 = c1.c2;
    // A^2
    Fp2 t0 = g0.sqr();
    Fp2 t1 = g3.sqr();
    Fp2 a0 = t1.mulByXi().add(t0);
    Fp2 a1 = g0.add(g3).sqr().sub(t0).sub(t1);
    // B^2
    t0 = g1.sqr();
    t1 = g4.sqr();
    Fp2 b0 = t1.mulByXi().add(t0);
    Fp2 b1 = g1.add(g4).sqr().sub(t0).sub(t1);
    // C^2
    t0 = g2.sqr();
    t1 = g5.sqr();
    Fp2 z0 = t1.mulByXi().add(t0);
    Fp2 z1 = g2.add(g5).sqr().sub(t0).sub(t1);
    // 3a - 2g as 2(a - g) + a and 3a + 2g as 2(a + g) + a: three additions instead of four
    Fp2 h0 = a0.sub(g0).dbl().add(a0);
    Fp2 h3 = a1.add(g3).dbl().add(a1);
    Fp2 xz1 = z1.mulByXi();
    Fp2 h1 = xz1.add(g1).dbl().add(xz1);
    Fp2 h4 = z0.sub(g4).dbl().add(z0);
    Fp2 h2 = b0.sub(g2).dbl().add(b0);
    Fp2 h5 = b1.add(g5).dbl().add(b1);
    return new Fp12(new Fp6(h0, h2, h4), new Fp6(h1, h3, h5));
  }

  /**
   * this^e for a cyclotomic-subgroup element, e given in non-adjacent form (lowest digit first).
   * Digits are taken in windows: a non-zero digit two places above another one (NAF leaves a zero
   * between) makes the odd value 4d + d' in {±3, ±5}, one multiplication by a precomputed power
   * instead of two. For the BN parameter x that is 15 multiplications instead of 24, and the final
   * exponentiation raises to x three times. Inverses are conjugates in this subgroup.
   */
  Fp12 cyclotomicPow(int[] naf) {
    Fp12 square = cyclotomicSqr();
    Fp12 p3 = multiply(square);
    Fp12 p5 = p3.multiply(square);
    Fp12[] odd = {this, p3, p5}; // this^1, this^3, this^5
    Fp12 result = null;
    int i = naf.length - 1;
    while (i >= 0) {
      if (naf[i] == 0) {
        if (result != null) {
          result = result.cyclotomicSqr();
        }
        i--;
        continue;
      }
      int value = naf[i];
      int width = 1;
      // (the zero between is checked, so digits that are not a true NAF still give this^e)
      if (i >= 2 && naf[i - 1] == 0 && naf[i - 2] != 0) {
        value = 4 * naf[i] + naf[i - 2];
        width = 3;
      }
      if (result != null) {
        for (int k = 0; k < width; k++) {
          result = result.cyclotomicSqr();
        }
      }
      Fp12 factor = odd[Math.abs(value) >> 1];
      factor = value > 0 ? factor : factor.conjugate();
      result = result == null ? factor : result.multiply(factor);
      i -= width;
    }
    return result == null ? ONE : result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 f && f.c0.equals(c0) && f.c1.equals(c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "Fp12[" + c0 + "; " + c1 + "]";
  }
}
