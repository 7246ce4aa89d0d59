package io.bridgescope.devnet.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Hex;
import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bn254.Bn254;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.Pairing;
import io.bridgescope.devnet.crypto.AnvilReferee.Call;
import io.bridgescope.devnet.crypto.AnvilReferee.Reply;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Our BN254 arithmetic against the EVM precompiles of a running anvil: ecAdd (0x06), ecMul (0x07)
 * and the pairing check (0x08), on random and edge-case inputs. The seed is printed; rerun one with
 * {@code -Dbs.diff.seed=N}.
 */
@Tag("devnet")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Bn254PrecompileDifferentialTest {

  static final BigInteger P = Bn254.FIELD_MODULUS;
  static final BigInteger R = Bn254.CURVE_ORDER;
  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private final long seed = Long.getLong("bs.diff.seed", System.nanoTime());
  private final Random rnd = new Random(seed);
  private AnvilReferee anvil;

  @BeforeAll
  void start() {
    System.out.println("Bn254PrecompileDifferentialTest seed " + seed);
    anvil = AnvilReferee.start("diff-bn254");
  }

  @AfterAll
  void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  private BigInteger scalarBelow(BigInteger bound) {
    BigInteger k;
    do {
      k = new BigInteger(bound.bitLength(), rnd);
    } while (k.compareTo(bound) >= 0);
    return k;
  }

  /** A random multiple of G: mostly uniform, sometimes tiny or near r. */
  private G1Point randomG1() {
    return switch (rnd.nextInt(8)) {
      case 0 -> G1Point.generator().multiply(BigInteger.valueOf(1 + rnd.nextInt(16)));
      case 1 -> G1Point.generator().multiply(R.subtract(BigInteger.valueOf(1 + rnd.nextInt(16))));
      default -> G1Point.generator().multiply(scalarBelow(R));
    };
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] word(BigInteger v) {
    byte[] out = new byte[32];
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static String where(String what, int i, byte[] input) {
    return what + " case " + i + " input " + Hex.encode(input);
  }

  // ---------------------------------------------------------------- 0x06

  @Test
  void g1AddAgreesWithPrecompile0x06() {
    List<G1Point[]> cases = new ArrayList<>();
    G1Point o = G1Point.infinity();
    cases.add(new G1Point[] {o, o});
    cases.add(new G1Point[] {G1Point.generator(), G1Point.generator()});
    cases.add(new G1Point[] {G1Point.generator(), G1Point.generator().negate()});
    for (int i = 0; i < 1100; i++) {
      G1Point p = randomG1();
      G1Point q =
          switch (i % 10) {
            case 0 -> p; // doubling
            case 1 -> p.negate(); // P + (-P) = O
            case 2 -> o; // P + O
            case 3 -> p.add(p); // P + 2P
            default -> randomG1();
          };
      cases.add(i % 20 == 2 ? new G1Point[] {o, p} : new G1Point[] {p, q});
    }
    List<byte[]> inputs = cases.stream().map(c -> concat(c[0].toBytes(), c[1].toBytes())).toList();
    List<Reply> replies =
        anvil.callAll(inputs.stream().map(in -> new Call(AnvilReferee.precompile(6), in)).toList());
    List<String> ours =
        IntStream.range(0, cases.size())
            .parallel()
            .mapToObj(i -> Hex.encode(cases.get(i)[0].add(cases.get(i)[1]).toBytes()))
            .toList();
    int doublings = 0;
    int cancellations = 0;
    for (int i = 0; i < cases.size(); i++) {
      assertThat(replies.get(i).hex()).as(where("ecAdd", i, inputs.get(i))).isEqualTo(ours.get(i));
      if (cases.get(i)[0].equals(cases.get(i)[1]) && !cases.get(i)[0].isInfinity()) {
        doublings++;
      }
      if (!cases.get(i)[0].isInfinity() && ours.get(i).equals(Hex.encode(new byte[64]))) {
        cancellations++;
      }
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(doublings).isGreaterThanOrEqualTo(100);
    assertThat(cancellations).isGreaterThanOrEqualTo(100);
  }

  /**
   * Inputs the precompile refuses (off curve, coordinate >= p) are the ones our decoder rejects.
   */
  @Test
  void g1DecodingRejectsWhatPrecompile0x06Rejects() {
    List<byte[]> encodings = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      G1Point p = randomG1();
      byte[] e = p.toBytes();
      switch (i % 5) {
        case 0 -> e = concat(word(scalarBelow(P)), word(scalarBelow(P))); // almost surely off
        case 1 -> e = concat(word(p.x().add(P)), word(p.y())); // x >= p, same point mod p
        case 2 -> e = concat(word(p.x()), word(p.y().add(P)));
        case 3 -> e = concat(word(p.x()), word(p.y().add(BigInteger.ONE))); // off by one
        default -> {} // valid
      }
      encodings.add(e);
    }
    List<Reply> replies =
        anvil.callAll(
            encodings.stream()
                .map(
                    e ->
                        new Call(
                            AnvilReferee.precompile(6), concat(e, G1Point.generator().toBytes())))
                .toList());
    int rejected = 0;
    for (int i = 0; i < encodings.size(); i++) {
      boolean weAccept;
      try {
        G1Point.fromBytes(encodings.get(i));
        weAccept = true;
      } catch (InvalidEncodingException e) {
        weAccept = false;
      }
      assertThat(weAccept)
          .as(where("G1 decoding", i, encodings.get(i)) + " precompile: " + replies.get(i).hex())
          .isEqualTo(replies.get(i).ok());
      rejected += weAccept ? 0 : 1;
    }
    assertThat(rejected).isGreaterThanOrEqualTo(150);
  }

  // ---------------------------------------------------------------- 0x07

  @Test
  void g1MulAgreesWithPrecompile0x07() {
    BigInteger[] fixed = {
      BigInteger.ZERO,
      BigInteger.ONE,
      BigInteger.TWO,
      R.subtract(BigInteger.ONE),
      R,
      R.add(BigInteger.ONE),
      R.shiftLeft(1),
      P,
      TWO_256.subtract(BigInteger.ONE),
      TWO_256.subtract(R)
    };
    List<G1Point> points = new ArrayList<>();
    List<BigInteger> scalars = new ArrayList<>();
    for (BigInteger k : fixed) {
      for (G1Point base : List.of(G1Point.generator(), G1Point.infinity(), randomG1())) {
        points.add(base);
        scalars.add(k);
      }
    }
    for (int i = 0; i < 1100; i++) {
      points.add(i % 50 == 0 ? G1Point.infinity() : randomG1());
      scalars.add(
          switch (i % 6) {
            case 0 -> new BigInteger(256, rnd); // full 256-bit, often >= r
            case 1 -> BigInteger.valueOf(rnd.nextInt(1 << 16));
            case 2 -> R.subtract(BigInteger.valueOf(rnd.nextInt(1 << 10)));
            case 3 -> R.add(scalarBelow(R)); // k in [r, 2r)
            default -> scalarBelow(R);
          });
    }
    List<byte[]> inputs =
        IntStream.range(0, points.size())
            .mapToObj(i -> concat(points.get(i).toBytes(), word(scalars.get(i))))
            .toList();
    List<Reply> replies =
        anvil.callAll(inputs.stream().map(in -> new Call(AnvilReferee.precompile(7), in)).toList());
    List<String> ours =
        IntStream.range(0, points.size())
            .parallel()
            .mapToObj(i -> Hex.encode(points.get(i).multiply(scalars.get(i)).toBytes()))
            .toList();
    for (int i = 0; i < points.size(); i++) {
      assertThat(replies.get(i).hex()).as(where("ecMul", i, inputs.get(i))).isEqualTo(ours.get(i));
    }
    assertThat(points).hasSizeGreaterThanOrEqualTo(1000);
  }

  // ---------------------------------------------------------------- 0x08

  /** A G2 point b·Q together with Q and b, so true pairing equations need only G1 work per case. */
  private record G2Pair(G2Point q, BigInteger b, G2Point bq) {}

  @Test
  void pairingCheckAgreesWithPrecompile0x08() {
    List<G2Pair> pool =
        IntStream.range(0, 24)
            .mapToObj(i -> scalarBelow(R.subtract(BigInteger.TWO)).add(BigInteger.TWO))
            .parallel()
            .map(
                s -> {
                  G2Point q = G2Point.generator().multiply(s);
                  BigInteger b = new BigInteger(64, new Random(s.longValue())).add(BigInteger.TWO);
                  return new G2Pair(q, b, q.multiply(b));
                })
            .toList();
    pool = new ArrayList<>(pool);
    pool.add(new G2Pair(G2Point.generator(), BigInteger.ONE, G2Point.generator()));

    List<List<G1Point>> g1s = new ArrayList<>();
    List<List<G2Point>> g2s = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    // edge cases: empty input, infinities, one pair
    g1s.add(List.of());
    g2s.add(List.of());
    expected.add(true);
    g1s.add(List.of(G1Point.infinity()));
    g2s.add(List.of(G2Point.generator()));
    expected.add(true);
    g1s.add(List.of(G1Point.generator()));
    g2s.add(List.of(G2Point.infinity()));
    expected.add(true);
    g1s.add(List.of(G1Point.generator()));
    g2s.add(List.of(G2Point.generator()));
    expected.add(false);
    for (int i = 0; i < 1000; i++) {
      G2Pair t = pool.get(rnd.nextInt(pool.size()));
      G1Point p = randomG1();
      BigInteger a = scalarBelow(R);
      G1Point ap = p.multiply(a);
      G1Point minusAbP = p.multiply(a.multiply(t.b()).mod(R)).negate();
      boolean truth = i % 2 == 0;
      int shape = rnd.nextInt(6);
      List<G1Point> ps;
      List<G2Point> qs;
      if (shape <= 2) {
        // e(aP, bQ) · e(-abP, Q) == 1
        ps = List.of(ap, minusAbP);
        qs = List.of(t.bq(), t.q());
      } else if (shape == 3) {
        // e(aP, Q) · e(cP, Q) · e(-(a+c)P, Q) == 1
        BigInteger c = scalarBelow(R);
        ps = List.of(ap, p.multiply(c), p.multiply(a.add(c)).negate());
        qs = List.of(t.q(), t.q(), t.q());
      } else if (shape == 4) {
        // with a neutral pair e(O, Q) or e(P, O) in between
        boolean g1Inf = rnd.nextBoolean();
        ps = List.of(ap, g1Inf ? G1Point.infinity() : p, minusAbP);
        qs = List.of(t.bq(), g1Inf ? t.q() : G2Point.infinity(), t.q());
      } else {
        // e(aP, bQ) · e(-aP, bQ) == 1 with the pairs swapped around
        ps = List.of(ap.negate(), ap);
        qs = List.of(t.bq(), t.bq());
      }
      if (!truth) {
        List<G1Point> bad = new ArrayList<>(ps);
        List<G2Point> badQ = new ArrayList<>(qs);
        // perturb a pair that is not neutral (shape 4 has a neutral pair in the middle)
        int k = shape == 4 ? 2 * rnd.nextInt(2) : rnd.nextInt(bad.size());
        switch (rnd.nextInt(4)) {
          case 0 -> bad.set(k, bad.get(k).add(p)); // off by one P
          case 1 -> bad.set(k, bad.get(k).negate().isInfinity() ? p : bad.get(k).negate());
          case 2 -> {
            G2Pair other = pool.get((pool.indexOf(t) + 1) % pool.size());
            badQ.set(k, badQ.get(k).isInfinity() ? other.q() : badQ.get(k).add(other.q()));
          }
          default -> bad.set(k, bad.get(k).isInfinity() ? p : bad.get(k).multiply(BigInteger.TWO));
        }
        ps = bad;
        qs = badQ;
      }
      g1s.add(ps);
      g2s.add(qs);
      expected.add(truth);
    }
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < g1s.size(); i++) {
      ByteArrayOutputStream in = new ByteArrayOutputStream();
      for (int j = 0; j < g1s.get(i).size(); j++) {
        in.writeBytes(g1s.get(i).get(j).toBytes());
        in.writeBytes(g2s.get(i).get(j).toEvmBytes());
      }
      inputs.add(in.toByteArray());
    }
    List<Reply> replies =
        anvil.callAll(inputs.stream().map(in -> new Call(AnvilReferee.precompile(8), in)).toList());
    List<Boolean> ours =
        IntStream.range(0, g1s.size())
            .parallel()
            .mapToObj(i -> Pairing.pairingCheck(g1s.get(i), g2s.get(i)))
            .toList();
    int trues = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Reply r = replies.get(i);
      String as = where("pairing", i, inputs.get(i));
      assertThat(r.ok()).as(as + " precompile: " + r.hex()).isTrue();
      boolean theirs = new BigInteger(1, r.output()).equals(BigInteger.ONE);
      assertThat(ours.get(i)).as(as + " precompile says " + theirs).isEqualTo(theirs);
      // guards the generator: the cases are what they claim to be
      assertThat(theirs).as(as + " constructed as " + expected.get(i)).isEqualTo(expected.get(i));
      trues += theirs ? 1 : 0;
    }
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(trues).isBetween(450, 560);
  }

  /** G2 points on the twist but outside the order-r subgroup: the precompile and we reject them. */
  @Test
  void g2SubgroupAndCurveChecksAgreeWithPrecompile0x08() {
    List<byte[]> encodings = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      BigInteger[] x = {scalarBelow(P), scalarBelow(P)};
      BigInteger[] y = Fp2Ref.sqrt(Fp2Ref.add(Fp2Ref.mul(Fp2Ref.sqr(x), x), Fp2Ref.TWIST_B));
      if (y == null) {
        i--;
        continue;
      }
      encodings.add(Fp2Ref.evm(x, y));
      kinds.add("on twist");
      // and one not on the curve at all
      encodings.add(
          Fp2Ref.evm(x, Fp2Ref.add(y, new BigInteger[] {BigInteger.ONE, BigInteger.ZERO})));
      kinds.add("off curve");
    }
    for (int i = 0; i < 20; i++) {
      encodings.add(G2Point.generator().multiply(scalarBelow(R)).toEvmBytes());
      kinds.add("valid");
    }
    List<Reply> replies =
        anvil.callAll(
            encodings.stream()
                .map(
                    e ->
                        new Call(
                            AnvilReferee.precompile(8), concat(G1Point.generator().toBytes(), e)))
                .toList());
    int onTwistRejected = 0;
    for (int i = 0; i < encodings.size(); i++) {
      boolean weAccept;
      try {
        weAccept = G2Point.fromEvmBytes(encodings.get(i)) != null;
      } catch (InvalidEncodingException e) {
        weAccept = false;
      }
      String as = where("G2 " + kinds.get(i), i, encodings.get(i)) + " " + replies.get(i).hex();
      assertThat(weAccept).as(as).isEqualTo(replies.get(i).ok());
      assertThat(weAccept).as(as).isEqualTo(kinds.get(i).equals("valid"));
      onTwistRejected += kinds.get(i).equals("on twist") && !weAccept ? 1 : 0;
    }
    assertThat(onTwistRejected).isEqualTo(60);
  }

  /** Minimal Fp2 = Fp[u]/(u^2 + 1) on BigInteger pairs, only to build non-subgroup twist points. */
  static final class Fp2Ref {
    static final BigInteger[] TWIST_B = twistB();

    static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
      return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
      return new BigInteger[] {
        a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P),
        a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)
      };
    }

    static BigInteger[] sqr(BigInteger[] a) {
      return mul(a, a);
    }

    static BigInteger[] pow(BigInteger[] a, BigInteger e) {
      BigInteger[] acc = {BigInteger.ONE, BigInteger.ZERO};
      for (int i = e.bitLength() - 1; i >= 0; i--) {
        acc = sqr(acc);
        if (e.testBit(i)) {
          acc = mul(acc, a);
        }
      }
      return acc;
    }

    static boolean isMinusOne(BigInteger[] a) {
      return a[0].equals(P.subtract(BigInteger.ONE)) && a[1].signum() == 0;
    }

    /** Square root for p = 3 mod 4 (Adj, Rodriguez-Henriquez, algorithm 9), or null. */
    static BigInteger[] sqrt(BigInteger[] a) {
      BigInteger[] a1 = pow(a, P.subtract(BigInteger.valueOf(3)).shiftRight(2));
      BigInteger[] alpha = mul(a1, mul(a1, a));
      BigInteger[] conj = {alpha[0], alpha[1].negate().mod(P)};
      if (isMinusOne(mul(conj, alpha))) {
        return null;
      }
      BigInteger[] x0 = mul(a1, a);
      BigInteger[] x;
      if (isMinusOne(alpha)) {
        x = mul(new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}, x0);
      } else {
        BigInteger[] b =
            pow(add(alpha, new BigInteger[] {BigInteger.ONE, BigInteger.ZERO}), P.shiftRight(1));
        x = mul(b, x0);
      }
      BigInteger[] check = sqr(x);
      return check[0].equals(a[0].mod(P)) && check[1].equals(a[1].mod(P)) ? x : null;
    }

    /** b' = 3 / (9 + u). */
    private static BigInteger[] twistB() {
      BigInteger inv82 = BigInteger.valueOf(82).modInverse(P);
      return new BigInteger[] {
        BigInteger.valueOf(27).multiply(inv82).mod(P), BigInteger.valueOf(-3).multiply(inv82).mod(P)
      };
    }

    static byte[] evm(BigInteger[] x, BigInteger[] y) {
      return concat(word(x[1]), word(x[0]), word(y[1]), word(y[0]));
    }
  }
}
