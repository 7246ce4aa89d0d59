package io.bridgescope.crypto.bn254;

/** An element {@code c0 + c1*v + c2*v^2} of F_p6 = F_p2[v]/(v^3 - xi), xi = 9 + u. Immutable. */
final class Fp6 {

  static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  final Fp2 c0;
  final Fp2 c1;
  final Fp2 c2;

  Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  Fp6 add(Fp6 b) {
    return new Fp6(c0.add(b.c0), c1.add(b.c1), c2.add(b.c2));
  }

  Fp6 sub(Fp6 b) {
    return new Fp6(c0.sub(b.c0), c1.sub(b.c1), c2.sub(b.c2));
  }

  Fp6 dbl() {
    return new Fp6(c0.dbl(), c1.dbl(), c2.dbl());
  }

  Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  /** Karatsuba: six F_p2 products. */
  Fp6 mul(Fp6 b) {
    Fp2 t0 = c0.mul(b.c0);
    Fp2 t1 = c1.mul(b.c1);
    Fp2 t2 = c2.mul(b.c2);
    Fp2 r0 = c1.add(c2).mul(b.c1.add(b.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(b.c0.add(b.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(b.c0.add(b.c2)).sub(t0).sub(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /** Chung–Hasan squaring (SQR2). */
  Fp6 sqr() {
    Fp2 s0 = c0.sqr();
    Fp2 s1 = c0.mul(c1).dbl();
    Fp2 s2 = c0.sub(c1).add(c2).sqr();
    Fp2 s3 = c1.mul(c2).dbl();
    Fp2 s4 = c2.sqr();
    return new Fp6(s0.add(s3.mulByXi()), s1.add(s4.mulByXi()), s1.add(s2).add(s3).sub(s0).sub(s4));
  }

  /** Multiplication by an element of F_p2. */
  Fp6 mul(Fp2 s) {
    return new Fp6(c0.mul(s), c1.mul(s), c2.mul(s));
  }

  /** Multiplication by the sparse element {@code b0 + b1*v}: five F_p2 products. */
  Fp6 mulBy01(Fp2 b0, Fp2 b1) {
    Fp2 t0 = c0.mul(b0);
    Fp2 t1 = c1.mul(b1);
    Fp2 r0 = c2.mul(b1).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(b0.add(b1)).sub(t0).sub(t1);
    Fp2 r2 = c2.mul(b0).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /** Multiplication by v: (c0, c1, c2) -> (xi*c2, c0, c1). */
  Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  Fp6 inverse() {
    Fp2 t0 = c0.sqr().sub(c1.mul(c2).mulByXi());
    Fp2 t1 = c2.sqr().mulByXi().sub(c0.mul(c1));
    Fp2 t2 = c1.sqr().sub(c0.mul(c2));
    Fp2 norm = c0.mul(t0).add(c2.mul(t1).mulByXi()).add(c1.mul(t2).mulByXi());
    Fp2 inv = norm.inverse();
    return new Fp6(t0.mul(inv), t1.mul(inv), t2.mul(inv));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp6 f && f.c0.equals(c0) && f.c1.equals(c1) && f.c2.equals(c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")*v + (" + c2 + ")*v^2";
  }
}
