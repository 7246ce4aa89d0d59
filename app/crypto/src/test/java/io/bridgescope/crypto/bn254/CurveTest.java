package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CurveTest {

  private static final BigInteger R = Bn254.CURVE_ORDER;
  private static final BigInteger G2_COFACTOR = Bn254.FIELD_MODULUS.shiftLeft(1).subtract(R);

  @Test
  void parametersFollowFromX() {
    BigInteger x = Bn254.X;
    BigInteger x2 = x.multiply(x);
    BigInteger x3 = x2.multiply(x);
    BigInteger x4 = x3.multiply(x);
    BigInteger common =
        x4.multiply(BigInteger.valueOf(36))
            .add(x3.multiply(BigInteger.valueOf(36)))
            .add(BigInteger.ONE);
    BigInteger p =
        common.add(x2.multiply(BigInteger.valueOf(24))).add(x.multiply(BigInteger.valueOf(6)));
    BigInteger r =
        common.add(x2.multiply(BigInteger.valueOf(18))).add(x.multiply(BigInteger.valueOf(6)));
    assertThat(p).isEqualTo(Bn254.FIELD_MODULUS);
    assertThat(r).isEqualTo(R);
    assertThat(G2Point.B).isEqualTo(new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse()));
    assertThat(G2Point.B.mul(Fp2.XI)).isEqualTo(new Fp2(Fp.of(3), Fp.ZERO));
  }

  @Test
  void generatorsAreOnTheirCurvesWithOrderR() {
    assertThat(G1Point.generator().isOnCurve()).isTrue();
    assertThat(G1Point.generator().multiply(R).isInfinity()).isTrue();
    assertThat(G1Point.generator().multiply(R.subtract(BigInteger.ONE)))
        .isEqualTo(G1Point.generator().negate());
    assertThat(G2Point.generator().isOnCurve()).isTrue();
    assertThat(G2Point.generator().isInSubgroup()).isTrue();
    assertThat(G2Point.generator().hasOrderDividingR()).isTrue();
    assertThat(G2Point.generator().multiply(R.add(BigInteger.ONE))).isEqualTo(G2Point.generator());
  }

  @Test
  void knownMultiplesOfTheG1Generator() {
    // 2G and 3G by the affine chord-tangent formulas in BigInteger, independent of the Jacobian
    // code.
    BigInteger p = Bn254.FIELD_MODULUS;
    BigInteger x1 = BigInteger.ONE;
    BigInteger y1 = BigInteger.TWO;
    BigInteger l =
        BigInteger.valueOf(3).multiply(x1.pow(2)).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
    BigInteger x2 = l.pow(2).subtract(x1.shiftLeft(1)).mod(p);
    BigInteger y2 = l.multiply(x1.subtract(x2)).subtract(y1).mod(p);
    BigInteger m = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
    BigInteger x3 = m.pow(2).subtract(x1).subtract(x2).mod(p);
    BigInteger y3 = m.multiply(x1.subtract(x3)).subtract(y1).mod(p);
    G1Point g = G1Point.generator();
    assertThat(g.add(g).x()).isEqualTo(x2);
    assertThat(g.add(g).y()).isEqualTo(y2);
    assertThat(g.multiply(BigInteger.valueOf(3)).toUint256Array()).containsExactly(x3, y3);
    assertThat(g.add(g).add(g)).isEqualTo(g.multiply(BigInteger.valueOf(3)));
  }

  @Property(tries = 30)
  void g1GroupLaw(@ForAll long seed) {
    Random r = new Random(seed);
    BigInteger a = TestValues.scalar(r);
    BigInteger b = TestValues.scalar(r);
    G1Point g = G1Point.generator();
    G1Point pa = g.multiply(a);
    G1Point pb = g.multiply(b);
    assertThat(pa.add(pb)).isEqualTo(g.multiply(a.add(b)));
    assertThat(pa.add(pb)).isEqualTo(pb.add(pa));
    assertThat(pa.add(pa)).isEqualTo(pa.twice());
    assertThat(pa.add(pa.negate()).isInfinity()).isTrue();
    assertThat(pa.add(G1Point.infinity())).isEqualTo(pa);
    assertThat(pa.multiply(b)).isEqualTo(pb.multiply(a));
    assertThat(g.multiply(a.negate())).isEqualTo(pa.negate());
    assertThat(pa.isOnCurve() && pa.normalize().isOnCurve()).isTrue();
    assertThat(pa.normalize().z).isEqualTo(Fp.ONE);
    assertThat(pa.hashCode()).isEqualTo(pa.normalize().hashCode());
  }

  @Property(tries = 15)
  void g2GroupLaw(@ForAll long seed) {
    Random r = new Random(seed);
    BigInteger a = TestValues.scalar(r);
    BigInteger b = TestValues.scalar(r);
    G2Point g = G2Point.generator();
    G2Point pa = g.multiply(a);
    G2Point pb = g.multiply(b);
    assertThat(pa.add(pb)).isEqualTo(g.multiply(a.add(b)));
    assertThat(pa.add(pa)).isEqualTo(pa.twice());
    assertThat(pa.add(pa.negate()).isInfinity()).isTrue();
    assertThat(pa.multiply(b)).isEqualTo(pb.multiply(a));
    assertThat(pa.isOnCurve() && pa.isInSubgroup()).isTrue();
    assertThat(pa.hashCode()).isEqualTo(pa.normalize().hashCode());
  }

  @Property(tries = 15)
  void g1MixedAdditionAndBatchNormalizationAgreeWithThePlainOnes(@ForAll long seed) {
    Random r = new Random(seed);
    G1Point g = G1Point.generator();
    G1Point acc = g.multiply(TestValues.scalar(r)).twice(); // Jacobian, Z != 1
    G1Point q = g.multiply(TestValues.scalar(r)).normalize();
    assertThat(acc.addAffine(q)).isEqualTo(acc.add(q));
    assertThat(acc.addAffine(acc.normalize())).isEqualTo(acc.twice());
    assertThat(acc.addAffine(acc.normalize().negate()).isInfinity()).isTrue();
    assertThat(G1Point.infinity().addAffine(q)).isEqualTo(q);
    List<G1Point> points = List.of(acc, q, G1Point.infinity(), acc.twice(), g);
    G1Point[] normal = G1Point.normalizeAll(points);
    for (int i = 0; i < points.size(); i++) {
      assertThat(normal[i]).isEqualTo(points.get(i));
      assertThat(normal[i].isInfinity() || normal[i].z.isOne()).isTrue();
    }
  }

  @Property(tries = 10)
  void multiScalarMultiplicationIsTheSumOfTheProducts(@ForAll long seed) {
    Random r = new Random(seed);
    G1Point g = G1Point.generator();
    List<G1Point> points = new java.util.ArrayList<>();
    List<BigInteger> scalars = new java.util.ArrayList<>();
    G1Point expected = G1Point.infinity();
    for (int i = 0; i < 1 + r.nextInt(6); i++) {
      G1Point p = i == 2 ? points.get(0) : g.multiply(TestValues.scalar(r)); // a repeated point
      BigInteger k =
          switch (i % 4) {
            case 0 -> new BigInteger(128, r);
            case 1 -> BigInteger.valueOf(r.nextInt(20)); // short, maybe zero
            case 2 -> TestValues.scalar(r);
            default -> BigInteger.ONE.shiftLeft(r.nextInt(130)).subtract(BigInteger.ONE);
          };
      points.add(i % 3 == 1 ? p.twice() : p.normalize()); // Jacobian and affine
      scalars.add(k);
      expected = expected.add(points.get(i).multiply(k));
    }
    assertThat(G1Msm.sum(points, scalars)).isEqualTo(expected);
    for (BigInteger k : scalars) {
      int[] d = G1Msm.wnaf(k);
      BigInteger back = BigInteger.ZERO;
      for (int i = d.length - 1; i >= 0; i--) {
        back = back.shiftLeft(1).add(BigInteger.valueOf(d[i]));
        assertThat(d[i] == 0 || (Math.abs(d[i]) % 2 == 1 && Math.abs(d[i]) < 8)).isTrue();
      }
      assertThat(back).isEqualTo(k);
    }
  }

  @Property(tries = 10)
  void affineTreeSumAgreesWithSequentialAddition(@ForAll long seed) {
    Random r = new Random(seed);
    G2Point g = G2Point.generator();
    List<G2Point> points = new java.util.ArrayList<>();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      points.add(g.multiply(TestValues.scalar(r)).normalize());
    }
    if (n > 3) {
      points.set(1, points.get(0)); // a pair to double
      points.set(3, points.get(2).negate()); // a pair that cancels
    }
    G2Point expected = G2Point.infinity();
    for (G2Point p : points) {
      expected = expected.add(p);
    }
    G2Point sum = G2Point.sumOfAffine(points);
    assertThat(sum).isEqualTo(expected);
    assertThat(sum.isInfinity() || sum.isAffine()).isTrue();
    assertThat(Bn254Bls.aggregatePublicKeys(points)).isEqualTo(expected);
    // everything cancels
    G2Point p = points.get(0);
    assertThat(G2Point.sumOfAffine(List.of(p, p.negate())).isInfinity()).isTrue();
    assertThat(G2Point.sumOfAffine(List.of(p, p.negate(), p))).isEqualTo(p);
    assertThat(G2Point.sumOfAffine(List.of()).isInfinity()).isTrue();
  }

  @Property(tries = 15)
  void g2MixedAdditionAgreesWithJacobianAddition(@ForAll long seed) {
    Random r = new Random(seed);
    G2Point g = G2Point.generator();
    G2Point acc = g.multiply(TestValues.scalar(r)); // Jacobian, Z != 1
    G2Point q = g.multiply(TestValues.scalar(r)).normalize();
    assertThat(q.isAffine()).isTrue();
    assertThat(acc.addAffine(q)).isEqualTo(acc.add(q));
    // the special cases: equal points double, opposite points cancel, infinity on either side
    G2Point accAffine = acc.normalize();
    assertThat(acc.addAffine(accAffine)).isEqualTo(acc.twice());
    assertThat(acc.addAffine(accAffine.negate()).isInfinity()).isTrue();
    assertThat(G2Point.infinity().addAffine(q)).isEqualTo(q);
    assertThat(acc.addAffine(G2Point.infinity())).isEqualTo(acc);
  }

  @Test
  void subgroupCheckRejectsTwistPointsOutsideG2() {
    for (int start : new int[] {1, 50, 1000}) {
      G2Point q = TestValues.twistPointOutsideG2(start);
      assertThat(q.isOnCurve()).isTrue();
      assertThat(q.isInSubgroup()).isFalse();
      assertThat(q.hasOrderDividingR()).isFalse();
      // Clearing the cofactor lands in G2, so the point really is on the twist of order r(2p - r).
      G2Point cleared = q.multiply(G2_COFACTOR);
      assertThat(cleared.isInfinity()).isFalse();
      assertThat(cleared.isInSubgroup()).isTrue();
      assertThat(cleared.hasOrderDividingR()).isTrue();
      // a G2 point plus a non-G2 point is outside G2 again
      assertThat(cleared.add(q).isInSubgroup()).isFalse();
      assertThat(q.multiply(G2_COFACTOR.multiply(R)).isInfinity()).isTrue();
    }
  }

  @Property(tries = 10)
  void fastSubgroupCheckAgreesWithMultiplicationByR(@ForAll long seed) {
    Random r = new Random(seed);
    G2Point inG2 = G2Point.generator().multiply(TestValues.scalar(r));
    assertThat(inG2.isInSubgroup()).isTrue();
    assertThat(inG2.hasOrderDividingR()).isTrue();
    // psi acts on G2 as multiplication by p
    assertThat(inG2.psi()).isEqualTo(inG2.multiply(Bn254.FIELD_MODULUS));
    G2Point outside = TestValues.twistPointOutsideG2(2 + r.nextInt(10_000));
    assertThat(outside.isInSubgroup()).isEqualTo(outside.hasOrderDividingR()).isFalse();
    // points of small order (cofactor part) and mixtures are rejected too
    G2Point cofactorPart = outside.multiply(R);
    assertThat(cofactorPart.isInfinity()).isFalse();
    assertThat(cofactorPart.isInSubgroup()).isFalse();
    assertThat(cofactorPart.add(inG2).isInSubgroup()).isFalse();
  }

  @Test
  void infinityBehaves() {
    assertThat(G1Point.infinity().isInfinity()).isTrue();
    assertThat(G1Point.infinity().negate().isInfinity()).isTrue();
    assertThat(G1Point.generator().multiply(BigInteger.ZERO).isInfinity()).isTrue();
    assertThat(G1Point.infinity().toBytes()).containsOnly(0);
    assertThat(G2Point.infinity().toEvmBytes()).containsOnly(0);
    assertThat(G2Point.infinity().isInSubgroup()).isTrue();
    assertThat(G1Point.infinity()).isEqualTo(G1Point.generator().multiply(R));
    assertThat(G1Point.infinity()).isNotEqualTo(G1Point.generator());
  }
}
