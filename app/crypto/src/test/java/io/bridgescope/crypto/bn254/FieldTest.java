package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

class FieldTest {

  private static final BigInteger P = Fp.P;

  @Property(tries = 300)
  void fpArithmeticAgreesWithBigInteger(
      @ForAll
          @BigRange(
              min = "0",
              max = "21888242871839275222246405745257275088696311157297823662689037894645226208582")
          BigInteger a,
      @ForAll
          @BigRange(
              min = "0",
              max = "21888242871839275222246405745257275088696311157297823662689037894645226208582")
          BigInteger b) {
    Fp x = Fp.of(a);
    Fp y = Fp.of(b);
    assertThat(x.toBigInteger()).isEqualTo(a);
    assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(P));
    assertThat(x.sub(y).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
    assertThat(x.mul(y).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
    assertThat(x.sqr().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
    assertThat(x.neg().toBigInteger()).isEqualTo(a.negate().mod(P));
    assertThat(x.halve().dbl()).isEqualTo(x);
    if (a.signum() != 0) {
      assertThat(x.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
      assertThat(x.inverse()).isEqualTo(x.inverseByPow());
    }
  }

  @Test
  void fpEdgeValuesAroundTheModulus() {
    BigInteger max = P.subtract(BigInteger.ONE);
    Fp m = Fp.of(max);
    assertThat(m.add(Fp.ONE).isZero()).isTrue();
    assertThat(m.mul(m)).isEqualTo(Fp.ONE);
    assertThat(m.add(m).toBigInteger()).isEqualTo(P.subtract(BigInteger.TWO));
    assertThat(Fp.ZERO.sub(Fp.ONE)).isEqualTo(m);
    assertThat(Fp.ZERO.inverse()).isEqualTo(Fp.ZERO);
    assertThat(Fp.reduce(P.add(BigInteger.TEN)).toBigInteger()).isEqualTo(BigInteger.TEN);
    assertThat(Fp.reduce(BigInteger.ONE.negate())).isEqualTo(m);
    assertThat(Fp.ONE.halve().dbl()).isEqualTo(Fp.ONE);
    assertThatThrownBy(() -> Fp.of(P)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fp.of(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void fpWindowedPowerAgreesWithModPow(@ForAll long seed) {
    Random r = new Random(seed);
    Fp a = TestValues.fp(r);
    // short, long, sparse and dense exponents, so every window shape occurs
    BigInteger[] exponents = {
      BigInteger.valueOf(r.nextInt(64)),
      new BigInteger(1 + r.nextInt(300), r),
      BigInteger.ONE.shiftLeft(r.nextInt(260)).add(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(1 + r.nextInt(260)).subtract(BigInteger.ONE),
      P.subtract(BigInteger.TWO)
    };
    for (BigInteger e : exponents) {
      assertThat(a.pow(e).toBigInteger())
          .as("exponent %s", e)
          .isEqualTo(a.toBigInteger().modPow(e, P));
    }
  }

  @Property(tries = 200)
  void unsignedHighWordOfAProduct(@ForAll long a, @ForAll long b) {
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    BigInteger ua = BigInteger.valueOf(a).and(mask);
    BigInteger ub = BigInteger.valueOf(b).and(mask);
    long expected = ua.multiply(ub).shiftRight(64).longValue();
    assertThat(Montgomery.signedUmulhi(a, b)).isEqualTo(expected);
    // on Java 18+ this is Math.unsignedMultiplyHigh through a method handle
    assertThat(Montgomery.umulhi(a, b)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void legendreByJacobiAgreesWithEulersCriterion(@ForAll long seed) {
    Random r = new Random(seed);
    Fp a = TestValues.fp(r);
    assertThat(a.legendre()).isEqualTo(a.legendreByPow());
    assertThat(a.sqr().legendre()).isEqualTo(a.isZero() ? 0 : 1);
    assertThat(a.sqr().neg().legendre()).isEqualTo(a.isZero() ? 0 : -1);
    Fp small = Fp.of(r.nextInt(1000));
    assertThat(small.legendre()).isEqualTo(small.legendreByPow());
  }

  @Test
  void legendreOfEdgeValues() {
    for (BigInteger v :
        new BigInteger[] {
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          P.subtract(BigInteger.ONE),
          P.subtract(BigInteger.TWO),
          BigInteger.ONE.shiftLeft(253),
          BigInteger.ONE.shiftLeft(64)
        }) {
      Fp a = Fp.of(v);
      assertThat(a.legendre()).as("%s", v).isEqualTo(a.legendreByPow());
    }
  }

  @Property(tries = 100)
  void fpSquareRootsAndLegendre(@ForAll long seed) {
    Random r = new Random(seed);
    Fp a = TestValues.fp(r);
    Fp sq = a.sqr();
    Fp root = sq.sqrt();
    assertThat(root).isNotNull();
    assertThat(root.sqr()).isEqualTo(sq);
    assertThat(sq.isZero() || sq.legendre() == 1).isTrue();
    // -1 is not a square because p = 3 mod 4, so -a^2 is a non-square.
    Fp nonSquare = sq.neg();
    if (!a.isZero()) {
      assertThat(nonSquare.sqrt()).isNull();
      assertThat(nonSquare.legendre()).isEqualTo(-1);
    }
  }

  @Property(tries = 60)
  void fp2FieldAxioms(@ForAll long seed) {
    Random r = new Random(seed);
    Fp2 a = TestValues.fp2(r);
    Fp2 b = TestValues.fp2(r);
    Fp2 c = TestValues.fp2(r);
    assertThat(a.mul(b)).isEqualTo(b.mul(a));
    assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
    assertThat(a.mul(b.add(c))).isEqualTo(a.mul(b).add(a.mul(c)));
    assertThat(a.sqr()).isEqualTo(a.mul(a));
    assertThat(a.mul(a.inverse())).isEqualTo(Fp2.ONE);
    assertThat(a.mulByXi()).isEqualTo(a.mul(Fp2.XI));
    assertThat(a.conjugate()).isEqualTo(a.pow(P));
    assertThat(a.sub(b).add(b)).isEqualTo(a);
    // u^2 = -1
    Fp2 u = new Fp2(Fp.ZERO, Fp.ONE);
    assertThat(u.sqr()).isEqualTo(Fp2.ONE.neg());
  }

  @Property(tries = 40)
  void fp6FieldAxioms(@ForAll long seed) {
    Random r = new Random(seed);
    Fp6 a = TestValues.fp6(r);
    Fp6 b = TestValues.fp6(r);
    Fp6 c = TestValues.fp6(r);
    assertThat(a.mul(b)).isEqualTo(b.mul(a));
    assertThat(a.mul(b).mul(c)).isEqualTo(a.mul(b.mul(c)));
    assertThat(a.mul(b.add(c))).isEqualTo(a.mul(b).add(a.mul(c)));
    assertThat(a.sqr()).isEqualTo(a.mul(a));
    assertThat(a.mul(a.inverse())).isEqualTo(Fp6.ONE);
    Fp6 v = new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);
    assertThat(a.mulByV()).isEqualTo(a.mul(v));
    assertThat(v.mul(v).mul(v)).isEqualTo(new Fp6(Fp2.XI, Fp2.ZERO, Fp2.ZERO));
    Fp2 b0 = TestValues.fp2(r);
    Fp2 b1 = TestValues.fp2(r);
    assertThat(a.mulBy01(b0, b1)).isEqualTo(a.mul(new Fp6(b0, b1, Fp2.ZERO)));
  }

  @Property(tries = 20)
  void fp12FieldAxiomsAndSparseProducts(@ForAll long seed) {
    Random r = new Random(seed);
    Fp12 a = TestValues.fp12(r);
    Fp12 b = TestValues.fp12(r);
    Fp12 c = TestValues.fp12(r);
    assertThat(a.multiply(b)).isEqualTo(b.multiply(a));
    assertThat(a.multiply(b).multiply(c)).isEqualTo(a.multiply(b.multiply(c)));
    assertThat(a.sqr()).isEqualTo(a.multiply(a));
    assertThat(a.multiply(a.inverse()).isOne()).isTrue();
    Fp2 l0 = TestValues.fp2(r);
    Fp2 l1 = TestValues.fp2(r);
    Fp2 l2 = TestValues.fp2(r);
    Fp12 line = new Fp12(new Fp6(l0, Fp2.ZERO, Fp2.ZERO), new Fp6(l1, l2, Fp2.ZERO));
    assertThat(a.mulByLine(l0, l1, l2)).isEqualTo(a.multiply(line));
    // w^2 = v
    Fp12 w = new Fp12(Fp6.ZERO, Fp6.ONE);
    assertThat(w.sqr()).isEqualTo(new Fp12(new Fp6(Fp2.ZERO, Fp2.ONE, Fp2.ZERO), Fp6.ZERO));
  }

  @Property(tries = 5)
  void frobeniusIsThePthPower(@ForAll long seed) {
    Fp12 a = TestValues.fp12(new Random(seed));
    assertThat(a.frobenius(1)).isEqualTo(a.pow(P));
    assertThat(a.frobenius(2)).isEqualTo(a.pow(P.pow(2)));
    assertThat(a.frobenius(3)).isEqualTo(a.pow(P.pow(3)));
    assertThat(a.conjugate()).isEqualTo(a.frobenius(3).frobenius(3));
  }

  @Property(tries = 20)
  void cyclotomicSquaringAndPowerMatchTheGenericOnes(@ForAll long seed) {
    Random r = new Random(seed);
    Fp12 c = TestValues.cyclotomic(r);
    assertThat(c.pow(P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE)).isOne()).isTrue();
    assertThat(c.cyclotomicSqr()).isEqualTo(c.sqr());
    assertThat(c.conjugate()).isEqualTo(c.inverse());
    BigInteger e = new BigInteger(64, r);
    assertThat(c.cyclotomicPow(Naf.of(e))).isEqualTo(c.pow(e));
    // the windows of the one exponent that matters, and the shortest ones
    for (long k : new long[] {0, 1, 2, 3, 5, 7, 11, 13, 21, 43}) {
      BigInteger kb = BigInteger.valueOf(k);
      assertThat(c.cyclotomicPow(Naf.of(kb))).as("c^%d", k).isEqualTo(c.pow(kb));
    }
    assertThat(c.cyclotomicPow(Naf.of(Bn254.X))).isEqualTo(c.pow(Bn254.X));
  }

  @Test
  void nafDigitsReconstructTheScalarWithoutAdjacentNonZeros() {
    Random r = new Random(5);
    for (int i = 0; i < 200; i++) {
      BigInteger k = new BigInteger(1 + r.nextInt(300), r);
      int[] naf = Naf.of(k);
      BigInteger back = BigInteger.ZERO;
      for (int j = naf.length - 1; j >= 0; j--) {
        back = back.shiftLeft(1).add(BigInteger.valueOf(naf[j]));
        if (j > 0) {
          assertThat(naf[j] != 0 && naf[j - 1] != 0).isFalse();
        }
      }
      assertThat(back).isEqualTo(k);
    }
  }
}
