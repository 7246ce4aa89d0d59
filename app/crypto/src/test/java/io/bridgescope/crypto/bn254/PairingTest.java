package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PairingTest {

  private static final BigInteger R = Bn254.CURVE_ORDER;
  private static final G1Point G1 = G1Point.generator();
  private static final G2Point G2 = G2Point.generator();

  @Test
  void pairingOfTheGeneratorsIsNonDegenerateOfOrderR() {
    Fp12 e = Pairing.pairing(G1, G2);
    assertThat(e.isOne()).isFalse();
    assertThat(e.pow(R).isOne()).isTrue();
  }

  /**
   * e(G1, G2) as computed by @noble/curves 2.4.0 (bn254.pairing), whose final exponentiation raises
   * to an extra 2x(6x^2 + 3x + 1) (Fuentes-Castañeda et al.); same tower, so the values must agree
   * after that power.
   */
  @Test
  void generatorPairingMatchesAnIndependentImplementation() {
    Fp12 noble =
        new Fp12(
            new Fp6(
                fp2(
                    "17264119758069723980713015158403419364912226240334615592005620718956030922389",
                    "1300711225518851207585954685848229181392358478699795190245709208408267917898"),
                fp2(
                    "8894217292938489450175280157304813535227569267786222825147475294561798790624",
                    "1829859855596098509359522796979920150769875799037311140071969971193843357227"),
                fp2(
                    "4968700049505451466697923764727215585075098085662966862137174841375779106779",
                    "12814315002058128940449527172080950701976819591738376253772993495204862218736")),
            new Fp6(
                fp2(
                    "4233474252585134102088637248223601499779641130562251948384759786370563844606",
                    "9420544134055737381096389798327244442442230840902787283326002357297404128074"),
                fp2(
                    "13457906610892676317612909831857663099224588803620954529514857102808143524905",
                    "5122435115068592725432309312491733755581898052459744089947319066829791570839"),
                fp2(
                    "8891987925005301465158626530377582234132838601606565363865129986128301774627",
                    "440796048150724096437130979851431985500142692666486515369083499585648077975")));
    BigInteger x = Bn254.X;
    BigInteger extra =
        x.shiftLeft(1)
            .multiply(
                x.multiply(x)
                    .multiply(BigInteger.valueOf(6))
                    .add(x.multiply(BigInteger.valueOf(3)))
                    .add(BigInteger.ONE));
    assertThat(Pairing.pairing(G1, G2).pow(extra)).isEqualTo(noble);
  }

  @Test
  void fastFinalExponentiationEqualsThePlainPower() {
    Random r = new Random(11);
    for (int i = 0; i < 3; i++) {
      Fp12 f = TestValues.fp12(r);
      assertThat(Pairing.finalExponentiation(f)).isEqualTo(Pairing.finalExponentiationReference(f));
    }
    Fp12 miller = Pairing.millerLoop(List.of(G1), List.of(G2));
    assertThat(Pairing.finalExponentiation(miller))
        .isEqualTo(Pairing.finalExponentiationReference(miller));
  }

  @Property(tries = 12)
  void bilinearity(@ForAll long seed) {
    Random r = new Random(seed);
    BigInteger a = TestValues.scalar(r);
    BigInteger b = TestValues.scalar(r);
    G1Point p = G1.multiply(TestValues.scalar(r));
    G2Point q = G2.multiply(TestValues.scalar(r));
    Fp12 e = Pairing.pairing(p, q);
    assertThat(Pairing.pairing(p.multiply(a), q.multiply(b))).isEqualTo(e.pow(a.multiply(b)));
    assertThat(Pairing.pairing(p.multiply(a), q)).isEqualTo(Pairing.pairing(p, q.multiply(a)));
    assertThat(Pairing.pairing(p.add(G1), q)).isEqualTo(e.multiply(Pairing.pairing(G1, q)));
  }

  @Test
  void pairingCheckAcceptsBalancedProductsOnly() {
    BigInteger a = BigInteger.valueOf(123456789);
    BigInteger b = new BigInteger("98765432109876543210987654321");
    G1Point pa = G1.multiply(a);
    G2Point qb = G2.multiply(b);
    // e(aG1, bG2) * e(-abG1, G2) = 1
    assertThat(
            Pairing.pairingCheck(List.of(pa, G1.multiply(a.multiply(b)).negate()), List.of(qb, G2)))
        .isTrue();
    assertThat(Pairing.pairingCheck(List.of(pa, G1.multiply(a.multiply(b))), List.of(qb, G2)))
        .isFalse();
    assertThat(Pairing.pairingCheck(List.of(G1, G1.negate()), List.of(G2, G2))).isTrue();
    assertThat(Pairing.pairingCheck(List.of(G1), List.of(G2))).isFalse();
    // three pairs: e(P, Q)^2 * e(-2P, Q) = 1
    assertThat(
            Pairing.pairingCheck(
                List.of(G1, G1, G1.multiply(BigInteger.TWO).negate()), List.of(G2, G2, G2)))
        .isTrue();
  }

  @Test
  void pairsWithInfinityContributeOne() {
    assertThat(Pairing.pairingCheck(List.of(), List.of())).isTrue();
    assertThat(Pairing.pairingCheck(List.of(G1Point.infinity()), List.of(G2))).isTrue();
    assertThat(Pairing.pairingCheck(List.of(G1), List.of(G2Point.infinity()))).isTrue();
    assertThat(Pairing.pairing(G1Point.infinity(), G2).isOne()).isTrue();
    assertThat(
            Pairing.pairingCheck(List.of(G1Point.infinity(), G1, G1.negate()), List.of(G2, G2, G2)))
        .isTrue();
  }

  @Test
  void jacobianInputsGiveTheSameResultAsAffineOnes() {
    G1Point p = G1.multiply(BigInteger.valueOf(77)); // Z != 1
    G2Point q = G2.multiply(BigInteger.valueOf(99));
    assertThat(Pairing.pairing(p, q)).isEqualTo(Pairing.pairing(p.normalize(), q.normalize()));
    assertThat(Pairing.pairing(p, q))
        .isEqualTo(Pairing.pairing(G1, G2).pow(BigInteger.valueOf(77 * 99)));
  }

  @Test
  void mismatchedListsAreRejected() {
    assertThatThrownBy(() -> Pairing.pairingCheck(List.of(G1), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Fp2 fp2(String real, String imag) {
    return Fp2.of(new BigInteger(real), new BigInteger(imag));
  }
}
