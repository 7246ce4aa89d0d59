package io.bridgescope.crypto.bn254;

import java.math.BigInteger;

/** An element {@code c0 + c1*u} of F_p2 = F_p[u]/(u^2 + 1). Immutable. */
final class Fp2 {

  static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);

  /** The non-residue xi = 9 + u that defines F_p6 and the twist. */
  static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

  final Fp c0;
  final Fp c1;

  Fp2(Fp c0, Fp c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  static Fp2 of(BigInteger real, BigInteger imag) {
    return new Fp2(Fp.of(real), Fp.of(imag));
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero();
  }

  Fp2 add(Fp2 b) {
    return new Fp2(c0.add(b.c0), c1.add(b.c1));
  }

  Fp2 sub(Fp2 b) {
    return new Fp2(c0.sub(b.c0), c1.sub(b.c1));
  }

  Fp2 dbl() {
    return new Fp2(c0.dbl(), c1.dbl());
  }

  Fp2 neg() {
    return new Fp2(c0.neg(), c1.neg());
  }

  Fp2 halve() {
    return new Fp2(c0.halve(), c1.halve());
  }

  /** The p-power Frobenius, which on F_p2 is conjugation. */
  Fp2 conjugate() {
    return new Fp2(c0, c1.neg());
  }

  /** Karatsuba: three base-field products. */
  Fp2 mul(Fp2 b) {
    Fp t0 = c0.mul(b.c0);
    Fp t1 = c1.mul(b.c1);
    Fp t2 = c0.add(c1).mul(b.c0.add(b.c1));
    return new Fp2(t0.sub(t1), t2.sub(t0).sub(t1));
  }

  /** (a + bu)^2 = (a + b)(a - b) + 2ab u. */
  Fp2 sqr() {
    Fp ab = c0.mul(c1);
    return new Fp2(c0.add(c1).mul(c0.sub(c1)), ab.dbl());
  }

  Fp2 mul(Fp s) {
    return new Fp2(c0.mul(s), c1.mul(s));
  }

  /** Multiplication by xi = 9 + u: (a + bu)(9 + u) = (9a - b) + (a + 9b)u. */
  Fp2 mulByXi() {
    return new Fp2(times9(c0).sub(c1), c0.add(times9(c1)));
  }

  private static Fp times9(Fp a) {
    Fp a8 = a.dbl().dbl().dbl();
    return a8.add(a);
  }

  /** (a + bu)^-1 = (a - bu) / (a^2 + b^2); zero maps to zero. */
  Fp2 inverse() {
    Fp norm = c0.sqr().add(c1.sqr());
    Fp inv = norm.inverse();
    return new Fp2(c0.mul(inv), c1.mul(inv).neg());
  }

  Fp2 pow(BigInteger e) {
    Fp2 result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.sqr();
      if (e.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp2 f && f.c0.equals(c0) && f.c1.equals(c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return c0 + " + " + c1 + "*u";
  }
}
