package io.bridgescope.crypto.bn254;

import java.math.BigInteger;

/**
 * The Miller-loop line coefficients of one G2 point, which do not depend on the G1 argument: step k
 * contributes the line {@code a[k]*y_P + (b[k]*x_P) w + c[k] v w}. Preparing a point once (e.g. the
 * fixed -G2 of every BLS verification) saves its point arithmetic on every later pairing.
 *
 * <p>The running point T is kept in homogeneous projective coordinates on the twist; every line is
 * scaled by an F_p2 factor, which the final exponentiation removes.
 */
final class G2Prepared {

  /** Digits of 6x + 2, lowest first. */
  private static final int[] ATE_LOOP_NAF =
      Naf.of(Bn254.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /**
   * Number of lines: one doubling per digit below the top, one addition per non-zero digit, two
   * more.
   */
  static final int STEPS;

  /** A copy of the digits, for the Miller loop (a shared array could be changed by anyone). */
  static int[] ateLoopNaf() {
    return ATE_LOOP_NAF.clone();
  }

  static {
    int steps = ATE_LOOP_NAF.length - 1 + 2;
    for (int i = 0; i < ATE_LOOP_NAF.length - 1; i++) {
      steps += ATE_LOOP_NAF[i] != 0 ? 1 : 0;
    }
    STEPS = steps;
  }

  private static final Fp2 THREE_B = G2Point.B.dbl().add(G2Point.B);

  // Frobenius on the twist: pi = G2Point.psi, and pi^2(x, y) = (x * xi^((p^2-1)/3), y *
  // xi^((p^2-1)/2)).
  private static final BigInteger P2 = Fp.P.multiply(Fp.P).subtract(BigInteger.ONE);
  private static final Fp2 FROB2_X = Fp2.XI.pow(P2.divide(BigInteger.valueOf(3)));
  private static final Fp2 FROB2_Y = Fp2.XI.pow(P2.shiftRight(1));

  final Fp2[] a = new Fp2[STEPS];
  final Fp2[] b = new Fp2[STEPS];
  final Fp2[] c = new Fp2[STEPS];

  /** Prepares a finite point (callers drop pairs with a point at infinity). */
  G2Prepared(G2Point point) {
    G2Point q = point.normalize();
    Fp2 qx = q.x;
    Fp2 qy = q.y;
    Fp2 qyNeg = qy.neg();
    Walker t = new Walker(qx, qy);
    for (int i = ATE_LOOP_NAF.length - 2; i >= 0; i--) {
      t.doublingStep();
      if (ATE_LOOP_NAF[i] != 0) {
        t.additionStep(qx, ATE_LOOP_NAF[i] > 0 ? qy : qyNeg);
      }
    }
    t.additionStep(qx.conjugate().mul(G2Point.PSI_X), qy.conjugate().mul(G2Point.PSI_Y));
    t.additionStep(qx.mul(FROB2_X), qy.mul(FROB2_Y).neg());
  }

  /** f times line k evaluated at the affine G1 point (x_P, y_P). */
  Fp12 multiplyLine(Fp12 f, int k, Fp xp, Fp yp) {
    return f.mulByLine(a[k].mul(yp), b[k].mul(xp), c[k]);
  }

  /** The running point T, used only while the coefficients are being computed. */
  private final class Walker {
    private int step;
    private Fp2 tx;
    private Fp2 ty;
    private Fp2 tz = Fp2.ONE;

    Walker(Fp2 x, Fp2 y) {
      tx = x;
      ty = y;
    }

    /**
     * T = 2T. Tangent at T scaled by -2YZ: (-2YZ) y_P + (3X^2) x_P w + (3b'Z^2 - Y^2) v w
     * (Costello–Lange–Naehrig / Aranha et al. doubling for the D-type twist).
     */
    private void doublingStep() {
      Fp2 xy2 = tx.mul(ty).halve();
      Fp2 yy = ty.sqr();
      Fp2 zz = tz.sqr();
      Fp2 e = THREE_B.mul(zz);
      Fp2 f = e.dbl().add(e);
      Fp2 g = yy.add(f).halve();
      Fp2 h = ty.add(tz).sqr().sub(yy.add(zz));
      Fp2 xx = tx.sqr();
      Fp2 ee = e.sqr();
      tx = xy2.mul(yy.sub(f));
      ty = g.sqr().sub(ee.dbl().add(ee));
      tz = yy.mul(h);
      record(h.neg(), xx.dbl().add(xx), e.sub(yy));
    }

    /**
     * T = T + (x2, y2) for affine (x2, y2). Chord scaled by lambda = X - x2 Z, with theta = Y - y2
     * Z: lambda y_P - (theta x_P) w + (theta x2 - lambda y2) v w.
     */
    private void additionStep(Fp2 x2, Fp2 y2) {
      Fp2 theta = ty.sub(y2.mul(tz));
      Fp2 lambda = tx.sub(x2.mul(tz));
      Fp2 cc = theta.sqr();
      Fp2 d = lambda.sqr();
      Fp2 e = lambda.mul(d);
      Fp2 f = tz.mul(cc);
      Fp2 g = tx.mul(d);
      Fp2 h = e.add(f).sub(g.dbl());
      Fp2 newX = lambda.mul(h);
      Fp2 newY = theta.mul(g.sub(h)).sub(ty.mul(e));
      tz = tz.mul(e);
      tx = newX;
      ty = newY;
      record(lambda, theta.neg(), theta.mul(x2).sub(lambda.mul(y2)));
    }

    private void record(Fp2 ya, Fp2 xb, Fp2 constant) {
      a[step] = ya;
      b[step] = xb;
      c[step] = constant;
      step++;
    }
  }
}
