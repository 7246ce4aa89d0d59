package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import java.util.Random;

/** Random field elements and special points for the BN254 tests. */
final class TestValues {

  private TestValues() {}

  static Fp fp(Random r) {
    return Fp.reduce(new BigInteger(320, r));
  }

  static Fp2 fp2(Random r) {
    return new Fp2(fp(r), fp(r));
  }

  static Fp6 fp6(Random r) {
    return new Fp6(fp2(r), fp2(r), fp2(r));
  }

  static Fp12 fp12(Random r) {
    return new Fp12(fp6(r), fp6(r));
  }

  /** An element of the cyclotomic subgroup: the easy part of the final exponentiation of f. */
  static Fp12 cyclotomic(Random r) {
    Fp12 f = fp12(r);
    Fp12 t = f.conjugate().multiply(f.inverse());
    return t.frobenius(2).multiply(t);
  }

  static BigInteger scalar(Random r) {
    return new BigInteger(256, r)
        .mod(Bn254.CURVE_ORDER.subtract(BigInteger.ONE))
        .add(BigInteger.ONE);
  }

  /**
   * A square root in F_p2 through the norm: for a = a0 + a1 u with n = sqrt(a0^2 + a1^2), x0 =
   * sqrt((a0 ± n) / 2) and x1 = a1 / (2 x0). Null when a is not a square.
   */
  static Fp2 sqrt(Fp2 a) {
    if (a.isZero()) {
      return a;
    }
    Fp n = a.c0.sqr().add(a.c1.sqr()).sqrt();
    if (n == null) {
      return null;
    }
    for (Fp candidate : new Fp[] {n, n.neg()}) {
      Fp x0 = a.c0.add(candidate).halve().sqrt();
      if (x0 != null && !x0.isZero()) {
        Fp2 x = new Fp2(x0, a.c1.mul(x0.dbl().inverse()));
        if (x.sqr().equals(a)) {
          return x;
        }
      }
    }
    // a1 = 0 and a0 a non-square in F_p: sqrt(a0) = sqrt(-a0) * u.
    Fp y = a.c0.neg().sqrt();
    if (y != null && a.c1.isZero()) {
      return new Fp2(Fp.ZERO, y);
    }
    return null;
  }

  /**
   * A point on the twist E'(F_p2) outside G2: the first x = k + u, k = 1, 2, ..., with x^3 + b' a
   * square. The twist group has order r * (2p - r), so such a point is almost never in G2 (the
   * callers assert it).
   */
  static G2Point twistPointOutsideG2(int start) {
    for (int k = start; ; k++) {
      Fp2 x = new Fp2(Fp.of(k), Fp.ONE);
      Fp2 y = sqrt(x.sqr().mul(x).add(G2Point.B));
      if (y != null) {
        return new G2Point(x, y, Fp2.ONE);
      }
    }
  }

  static byte[] hex(String s) {
    String h = s.startsWith("0x") ? s.substring(2) : s;
    return java.util.HexFormat.of().parseHex(h);
  }
}
