package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The edge inputs of the faster arithmetic (mixed additions, batch normalization, affine tree sums,
 * windowed powers, Straus sums, the multiply-high handle), each against the plain path: the point
 * at infinity on either side, P + P, P + (-P), inputs that are already affine, empty lists.
 */
class FastPathsTest {

  private static final BigInteger MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /**
   * A stand-in for {@code Math.unsignedMultiplyHigh} that Java 17 lacks, so the handle path of
   * {@link Montgomery} runs here whatever the JDK: looked up and invoked the way the JDK's is.
   */
  public static final class ReferenceHigh {
    private ReferenceHigh() {}

    public static long unsignedMultiplyHigh(long a, long b) {
      return unsigned(a).multiply(unsigned(b)).shiftRight(64).longValue();
    }
  }

  private static BigInteger unsigned(long v) {
    return BigInteger.valueOf(v).and(MASK);
  }

  @Test
  void bothMultiplyHighPathsGiveTheUnsignedHighWord() {
    MethodHandle handle = Montgomery.findUnsignedMultiplyHigh(ReferenceHigh.class);
    assertThat(handle).as("the lookup finds a public static (long, long) long").isNotNull();
    assertThat(Montgomery.findUnsignedMultiplyHigh(String.class)).isNull();
    // the JDK's is found exactly when the JDK has it (Java 18 and later)
    assertThat(Montgomery.findUnsignedMultiplyHigh(Math.class) != null)
        .isEqualTo(Runtime.version().feature() >= 18);
    Random r = new Random(11);
    List<Long> values =
        new ArrayList<>(
            List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, -(1L << 32)));
    for (int i = 0; i < 300; i++) {
      values.add(r.nextLong());
    }
    for (long a : values) {
      for (long b : values.subList(0, 20)) {
        long expected = unsigned(a).multiply(unsigned(b)).shiftRight(64).longValue();
        assertThat(Montgomery.signedUmulhi(a, b)).as("%x * %x", a, b).isEqualTo(expected);
        assertThat(Montgomery.umulhiThrough(handle, a, b)).isEqualTo(expected);
        assertThat(Montgomery.umulhi(a, b)).isEqualTo(expected);
      }
    }
  }

  @Property(tries = 10)
  void g1MixedAdditionAtItsEdges(@ForAll long seed) {
    Random r = new Random(seed);
    G1Point g = G1Point.generator();
    G1Point jac = g.multiply(TestValues.scalar(r)).twice();
    G1Point aff = g.multiply(TestValues.scalar(r)).normalize();
    G1Point inf = G1Point.infinity();
    assertThat(jac.addAffine(inf)).isEqualTo(jac);
    assertThat(inf.addAffine(inf).isInfinity()).isTrue();
    // an affine left side (Z = 1) too
    assertThat(aff.addAffine(g)).isEqualTo(aff.add(g));
    assertThat(aff.addAffine(aff)).isEqualTo(aff.twice());
    assertThat(aff.addAffine(aff.negate()).isInfinity()).isTrue();
    assertThat(g.addAffine(g)).isEqualTo(g.multiply(BigInteger.TWO));
    // scalar multiplication now normalizes its base: Jacobian and affine bases agree
    BigInteger k = TestValues.scalar(r);
    assertThat(jac.multiply(k)).isEqualTo(jac.normalize().multiply(k));
    assertThat(inf.multiply(k).isInfinity()).isTrue();
    assertThat(jac.multiply(Bn254.CURVE_ORDER).isInfinity()).isTrue();
  }

  @Property(tries = 10)
  void g2MixedAdditionAtItsEdges(@ForAll long seed) {
    Random r = new Random(seed);
    G2Point g = G2Point.generator();
    G2Point aff = g.multiply(TestValues.scalar(r)).normalize();
    assertThat(aff.addAffine(g)).isEqualTo(aff.add(g));
    assertThat(aff.addAffine(aff)).isEqualTo(aff.twice());
    assertThat(aff.addAffine(aff.negate()).isInfinity()).isTrue();
    assertThat(G2Point.infinity().addAffine(G2Point.infinity()).isInfinity()).isTrue();
  }

  @Test
  void batchNormalizationOfEmptyAffineAndInfiniteLists() {
    assertThat(G1Point.normalizeAll(List.of())).isEmpty();
    G1Point g = G1Point.generator();
    G1Point[] same = G1Point.normalizeAll(List.of(g, g.negate()));
    assertThat(same).containsExactly(g, g.negate());
    G1Point[] inf = G1Point.normalizeAll(List.of(G1Point.infinity(), G1Point.infinity()));
    assertThat(inf).allMatch(G1Point::isInfinity);
    // one Jacobian point between infinities and affine points
    G1Point jac = g.twice().twice().add(g);
    G1Point[] mixed = G1Point.normalizeAll(List.of(G1Point.infinity(), jac, g, G1Point.infinity()));
    assertThat(mixed[1]).isEqualTo(jac);
    assertThat(mixed[1].z.isOne()).isTrue();
    assertThat(mixed[0].isInfinity() && mixed[3].isInfinity()).isTrue();
  }

  @Property(tries = 3)
  void affineTreeSumOfAValidatorSetsWorthOfKeys(@ForAll long seed) {
    Random r = new Random(seed);
    G2Point g = G2Point.generator();
    List<G2Point> keys = new ArrayList<>();
    G2Point sequential = G2Point.infinity();
    for (int i = 0; i < 101; i++) { // odd, so every level carries one point over at some point
      G2Point k = g.multiply(TestValues.scalar(r)).normalize();
      keys.add(k);
      sequential = sequential.add(k);
    }
    assertThat(G2Point.sumOfAffine(keys)).isEqualTo(sequential);
    Collections.shuffle(keys, r);
    assertThat(G2Point.sumOfAffine(keys)).isEqualTo(sequential);
    assertThat(G2Point.sumOfAffine(List.of(keys.get(0)))).isEqualTo(keys.get(0));
    // pairs that double and cancel at a later level, not only the first
    G2Point p = keys.get(0);
    G2Point q = keys.get(1);
    assertThat(G2Point.sumOfAffine(List.of(p, q, p, q))).isEqualTo(p.add(q).twice());
    assertThat(G2Point.sumOfAffine(List.of(p, q, p.negate(), q.negate())).isInfinity()).isTrue();
    assertThat(G2Point.sumOfAffine(List.of(p, q, p.negate(), q.negate(), p))).isEqualTo(p);
  }

  @Property(tries = 50)
  void windowedPowersOfTheSmallestAndLargestExponents(@ForAll long seed) {
    Random r = new Random(seed);
    Fp a = TestValues.fp(r);
    for (BigInteger e :
        new BigInteger[] {
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          BigInteger.valueOf(15),
          BigInteger.valueOf(16),
          BigInteger.valueOf(17),
          Fp.P.subtract(BigInteger.ONE),
          Fp.P
        }) {
      assertThat(a.pow(e).toBigInteger()).as("a^%s", e).isEqualTo(a.toBigInteger().modPow(e, Fp.P));
    }
    assertThat(Fp.ZERO.pow(BigInteger.TEN).isZero()).isTrue();
    assertThat(Fp.ZERO.pow(BigInteger.ZERO).isOne()).isTrue();
  }

  @Property(tries = 5)
  void cyclotomicPowerOfAnyDigitString(@ForAll long seed) {
    Random r = new Random(seed);
    Fp12 c = TestValues.cyclotomic(r);
    // digits in {-1, 0, 1} with adjacent non-zeros too: the windows must not skip a digit
    int[] digits = new int[40];
    BigInteger e = BigInteger.ZERO;
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i] = r.nextInt(3) - 1;
      e = e.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
    }
    Fp12 expected = e.signum() >= 0 ? c.pow(e) : c.pow(e.negate()).conjugate();
    assertThat(c.cyclotomicPow(digits)).isEqualTo(expected);
    assertThat(c.cyclotomicPow(new int[0]).isOne()).isTrue();
    assertThat(c.cyclotomicPow(new int[] {-1})).isEqualTo(c.conjugate());
    // lowest digit first: 1 - 4 = -3 and -1 + 4 = 3, the window's negative and positive odd values
    assertThat(c.cyclotomicPow(new int[] {1, 0, -1}))
        .isEqualTo(c.pow(BigInteger.valueOf(3)).conjugate());
    assertThat(c.cyclotomicPow(new int[] {-1, 0, 1})).isEqualTo(c.pow(BigInteger.valueOf(3)));
  }

  @Property(tries = 10)
  void strausSumAtItsEdges(@ForAll long seed) {
    Random r = new Random(seed);
    G1Point g = G1Point.generator();
    G1Point p = g.multiply(TestValues.scalar(r));
    BigInteger k = new BigInteger(128, r);
    assertThat(G1Msm.sum(List.of(), List.of()).isInfinity()).isTrue();
    assertThat(G1Msm.sum(List.of(p), List.of(BigInteger.ZERO)).isInfinity()).isTrue();
    assertThat(G1Msm.sum(List.of(G1Point.infinity(), p), List.of(k, k))).isEqualTo(p.multiply(k));
    // P and -P under one weight cancel; P twice under weights k and k is 2kP
    assertThat(G1Msm.sum(List.of(p, p.negate()), List.of(k, k)).isInfinity()).isTrue();
    assertThat(G1Msm.sum(List.of(p, p), List.of(k, k))).isEqualTo(p.multiply(k.shiftLeft(1)));
    // weights that are all ones in binary, and a point whose table doubles into itself
    BigInteger ones = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    List<G1Point> points = List.of(p, g, p.twice());
    List<BigInteger> weights = List.of(ones, BigInteger.ONE, BigInteger.valueOf(7));
    G1Point naive = G1Point.infinity();
    for (int i = 0; i < points.size(); i++) {
      naive = naive.add(points.get(i).multiply(weights.get(i)));
    }
    assertThat(G1Msm.sum(points, weights)).isEqualTo(naive);
    assertThat(G1Msm.sum(List.of(p), List.of(Bn254.CURVE_ORDER)).isInfinity()).isTrue();
  }
}
