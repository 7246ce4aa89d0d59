package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing e: G1 x G2 -> GT on BN254, with loop parameter 6x + 2, and the product
 * check used by the EVM precompile 0x08.
 *
 * <p>G2 points are mapped to E(F_p12) by the untwist (x', y') -> (x' w^2, y' w^3). Their line
 * coefficients are computed first ({@link G2Prepared}); lines touch only three F_p2 slots of F_p12
 * ({@link Fp12#mulByLine}). Several pairs share one Miller loop (one squaring of f per step) and
 * one final exponentiation.
 */
public final class Pairing {

  private static final int[] X_NAF = Naf.of(Bn254.X);
  private static final int[] ATE_LOOP_NAF = G2Prepared.ateLoopNaf();
  private static final BigInteger P = Fp.P;

  private Pairing() {}

  /** e(p, q), a value of order dividing r in F_p12. */
  public static Fp12 pairing(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(List.of(p), List.of(q)));
  }

  /**
   * Whether e(p_1, q_1) * ... * e(p_n, q_n) == 1, computed as one product of Miller loops and a
   * single final exponentiation (the semantics of precompile 0x08). Pairs with a point at infinity
   * contribute 1.
   *
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static boolean pairingCheck(List<G1Point> ps, List<G2Point> qs) {
    return finalExponentiation(millerLoop(ps, qs)).isOne();
  }

  /** The product of the Miller loops f_{6x+2,Q}(P) with the two Frobenius correction lines. */
  static Fp12 millerLoop(List<G1Point> ps, List<G2Point> qs) {
    if (ps.size() != qs.size()) {
      throw new IllegalArgumentException("pairing needs as many G1 as G2 points");
    }
    List<G1Point> g1 = new ArrayList<>(ps.size());
    List<G2Prepared> g2 = new ArrayList<>(ps.size());
    for (int i = 0; i < ps.size(); i++) {
      if (!ps.get(i).isInfinity() && !qs.get(i).isInfinity()) {
        g1.add(ps.get(i));
        g2.add(new G2Prepared(qs.get(i)));
      }
    }
    return millerLoopPrepared(g1, g2);
  }

  /**
   * Whether the product of e(p_i, q_i) is 1, for G2 points prepared in advance; no entry may be the
   * point at infinity.
   */
  static boolean pairingCheckPrepared(List<G1Point> ps, List<G2Prepared> qs) {
    return finalExponentiation(millerLoopPrepared(ps, qs)).isOne();
  }

  static Fp12 millerLoopPrepared(List<G1Point> ps, List<G2Prepared> qs) {
    int n = ps.size();
    Fp[] xs = new Fp[n];
    Fp[] ys = new Fp[n];
    G1Point[] affine = G1Point.normalizeAll(ps);
    for (int j = 0; j < n; j++) {
      xs[j] = affine[j].x;
      ys[j] = affine[j].y;
    }
    int[] naf = ATE_LOOP_NAF;
    Fp12 f = Fp12.ONE;
    int k = 0;
    for (int i = naf.length - 2; i >= 0; i--) {
      if (i != naf.length - 2) {
        f = f.sqr();
      }
      for (int j = 0; j < n; j++) {
        f = qs.get(j).multiplyLine(f, k, xs[j], ys[j]);
      }
      k++;
      if (naf[i] != 0) {
        for (int j = 0; j < n; j++) {
          f = qs.get(j).multiplyLine(f, k, xs[j], ys[j]);
        }
        k++;
      }
    }
    for (int step = 0; step < 2; step++, k++) {
      for (int j = 0; j < n; j++) {
        f = qs.get(j).multiplyLine(f, k, xs[j], ys[j]);
      }
    }
    return f;
  }

  /**
   * f^((p^12 - 1) / r). Easy part f^((p^6 - 1)(p^2 + 1)); hard part (p^4 - p^2 + 1) / r = l0 + l1 p
   * + l2 p^2 + p^3 with l2 = 6x^2 + 1, l1 = -36x^3 - 18x^2 - 12x + 1, l0 = -36x^3 - 30x^2 - 18x -
   * 2, evaluated from f^x, f^(x^2), f^(x^3) with cyclotomic squarings.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().multiply(f.inverse());
    t = t.frobenius(2).multiply(t);

    Fp12 a = t.cyclotomicPow(X_NAF); // t^x
    Fp12 b = a.cyclotomicPow(X_NAF); // t^(x^2)
    Fp12 c = b.cyclotomicPow(X_NAF); // t^(x^3)

    Fp12 a2 = a.cyclotomicSqr();
    Fp12 a6 = a2.multiply(a).cyclotomicSqr();
    Fp12 a12 = a6.cyclotomicSqr();
    Fp12 a18 = a12.multiply(a6);
    Fp12 b6 = b.cyclotomicSqr().multiply(b).cyclotomicSqr();
    Fp12 b12 = b6.cyclotomicSqr();
    Fp12 b18 = b12.multiply(b6);
    Fp12 b30 = b18.multiply(b12);
    Fp12 c4 = c.cyclotomicSqr().cyclotomicSqr();
    Fp12 c36 = c4.cyclotomicSqr().cyclotomicSqr().cyclotomicSqr().multiply(c4);

    Fp12 l0 = c36.multiply(b30).multiply(a18).multiply(t.cyclotomicSqr()).conjugate();
    Fp12 l1 = c36.multiply(b18).multiply(a12).conjugate().multiply(t);
    Fp12 l2 = b6.multiply(t);
    return l0.multiply(l1.frobenius(1)).multiply(l2.frobenius(2)).multiply(t.frobenius(3));
  }

  /** Reference final exponentiation by plain square-and-multiply; slow, for tests. */
  static Fp12 finalExponentiationReference(Fp12 f) {
    BigInteger e = P.pow(12).subtract(BigInteger.ONE).divide(Bn254.CURVE_ORDER);
    return f.pow(e);
  }
}
