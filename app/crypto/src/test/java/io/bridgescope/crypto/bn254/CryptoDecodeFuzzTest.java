package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bls.Bls12381Scheme;
import io.bridgescope.crypto.bls.BlsKeyPair;
import io.bridgescope.crypto.bls.BlsScheme;
import io.bridgescope.crypto.bls.BlsUnavailableException;
import io.bridgescope.crypto.bls.Bn254EdgeScheme;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import io.bridgescope.crypto.quorum.Quorum;
import io.bridgescope.crypto.quorum.QuorumResult;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The crypto decoders that take bytes from the chain or a file: BN254 G1 points (signatures), G2
 * points (validator keys, EVM and on-chain word order), secret keys, both BLS schemes' encoded keys
 * and signatures, the signer bitmap and the quorum rule. Valid encodings (random multiples of the
 * generators, twist points outside G2) decode to their point; edited ones (words set to 0, p, p -
 * 1, 2^256 - 1, r, bits flipped, words swapped, lengths changed, y negated) decode to the point
 * they now encode or fail with {@link InvalidEncodingException}.
 */
@AddLifecycleHook(FuzzTries.class)
class CryptoDecodeFuzzTest {

  static final BigInteger P = Bn254.FIELD_MODULUS;
  static final BigInteger R = Bn254.CURVE_ORDER;
  static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  static final List<BigInteger> WORDS =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          P.subtract(BigInteger.ONE),
          P,
          P.add(BigInteger.ONE),
          R,
          MAX,
          BigInteger.ONE.shiftLeft(255));

  /** One edit of an encoded point or key. */
  record Edit(Kind kind, int word, int other, int bit, int valueIndex) {

    enum Kind {
      FLIP_BIT,
      SET_WORD,
      SWAP_WORDS,
      TRUNCATE,
      EXTEND,
      NEGATE_LAST_COORDINATE
    }

    byte[] apply(byte[] in) {
      int words = in.length / 32;
      if (words == 0) {
        return in;
      }
      byte[] b = in.clone();
      int w = word % words;
      switch (kind) {
        case FLIP_BIT -> b[w * 32 + (bit >> 3) % 32] ^= (byte) (1 << (bit & 7));
        case SET_WORD ->
            System.arraycopy(encode(WORDS.get(valueIndex % WORDS.size())), 0, b, w * 32, 32);
        case SWAP_WORDS -> {
          int o = other % words;
          System.arraycopy(in, w * 32, b, o * 32, 32);
          System.arraycopy(in, o * 32, b, w * 32, 32);
        }
        case TRUNCATE -> b = Arrays.copyOf(in, (word * 7) % in.length);
        case EXTEND -> b = Arrays.copyOf(in, in.length + 1 + valueIndex % 40);
        case NEGATE_LAST_COORDINATE -> {
          // y -> p - y: G1 and G2 both keep the point on the curve (its negation).
          BigInteger y = new BigInteger(1, Arrays.copyOfRange(in, in.length - 32, in.length));
          System.arraycopy(encode(P.subtract(y).mod(P)), 0, b, in.length - 32, 32);
          if (in.length == 128) {
            BigInteger yi = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
            System.arraycopy(encode(P.subtract(yi).mod(P)), 0, b, 64, 32);
          }
        }
        default -> throw new IllegalStateException();
      }
      return b;
    }
  }

  static byte[] encode(BigInteger v) {
    byte[] out = new byte[32];
    Codec.writeWord(v, out, 0);
    return out;
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Combinators.combine(
            Arbitraries.of(Edit.Kind.class),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 255),
            Arbitraries.integers().between(0, 100))
        .as(Edit::new)
        .list()
        .ofMaxSize(2);
  }

  static byte[] applyAll(byte[] b, List<Edit> edits) {
    for (Edit e : edits) {
      b = e.apply(b);
    }
    return b;
  }

  static boolean onlyNegations(List<Edit> edits) {
    return edits.stream().allMatch(e -> e.kind() == Edit.Kind.NEGATE_LAST_COORDINATE);
  }

  @Property(tries = 100)
  void g1PointsDecodeToThemselvesOrFailTyped(@ForAll long seed, @ForAll("edits") List<Edit> edits) {
    G1Point p = G1Point.generator().multiply(TestValues.scalar(new Random(seed)));
    byte[] bytes = applyAll(p.toBytes(), edits);
    Outcome<G1Point> o =
        Decoders.decode(
            () -> G1Point.fromBytes(bytes, "signature"), InvalidEncodingException.class);
    if (onlyNegations(edits)) {
      G1Point expected = edits.size() % 2 == 0 ? p : p.negate();
      assertThat(o.value()).isEqualTo(expected);
    }
    if (o.ok()) {
      assertThat(o.value().toBytes()).isEqualTo(bytes);
      assertThat(o.value().isOnCurve()).isTrue();
    }
  }

  @Property(tries = 40)
  void g2KeysDecodeToThemselvesOrFailTyped(
      @ForAll long seed, @ForAll boolean outsideG2, @ForAll("edits") List<Edit> edits) {
    Random r = new Random(seed);
    G2Point q =
        outsideG2
            ? TestValues.twistPointOutsideG2(1 + r.nextInt(2000))
            : G2Point.generator().multiply(TestValues.scalar(r));
    byte[] bytes = applyAll(q.toEvmBytes(), edits);
    Outcome<G2Point> o =
        Decoders.decode(
            () -> G2Point.fromEvmBytes(bytes, "publicKey"), InvalidEncodingException.class);
    if (outsideG2 && onlyNegations(edits)) {
      assertThat(o.ok()).as("a twist point outside G2 must be refused").isFalse();
    }
    if (!outsideG2 && onlyNegations(edits)) {
      assertThat(o.value()).isEqualTo(edits.size() % 2 == 0 ? q : q.negate());
    }
    if (o.ok()) {
      assertThat(o.value().toEvmBytes()).isEqualTo(bytes);
      assertThat(o.value().isInSubgroup()).isTrue();
    }
  }

  /** The on-chain {@code uint256[]} forms, with nulls, negatives and wrong counts. */
  @Property(tries = 50)
  void pointArraysDecodeOrFailTyped(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5) int count,
      @ForAll("arrayEdits") List<Integer> edits) {
    Random r = new Random(seed);
    BigInteger[] g1 = G1Point.generator().multiply(TestValues.scalar(r)).toUint256Array();
    BigInteger[] g2 = G2Point.generator().multiply(TestValues.scalar(r)).toUint256Array();
    BigInteger[] a1 = editArray(g1, edits, count);
    BigInteger[] a2 = editArray(g2, edits, count);
    Outcome<G1Point> o1 =
        Decoders.decode(() -> G1Point.fromUint256Array(a1, "sig"), InvalidEncodingException.class);
    Outcome<G2Point> o2 =
        Decoders.decode(
            () -> G2Point.fromUint256Array(a2, "blsKey"), InvalidEncodingException.class);
    if (edits.isEmpty()) {
      assertThat(o1.value().toUint256Array()).isEqualTo(g1);
      assertThat(o2.value().toUint256Array()).isEqualTo(g2);
    }
  }

  @Provide
  Arbitrary<List<Integer>> arrayEdits() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(2);
  }

  /** Each edit: null array, a null / negative / +p / 2^256 element, another length, a swap. */
  static BigInteger[] editArray(BigInteger[] in, List<Integer> edits, int count) {
    BigInteger[] a = in.clone();
    for (int e : edits) {
      if (a == null || a.length == 0) {
        break;
      }
      int i = (e / 7) % Math.max(1, a.length);
      switch (e % 7) {
        case 0 -> a = null;
        case 1 -> a[i] = null;
        case 2 -> a[i] = a[i] == null ? null : a[i].negate().subtract(BigInteger.ONE);
        case 3 -> a[i] = a[i] == null ? null : a[i].add(P);
        case 4 -> a = Arrays.copyOf(a, count);
        case 5 -> {
          BigInteger t = a[0];
          a[0] = a[a.length - 1];
          a[a.length - 1] = t;
        }
        default -> a[i] = BigInteger.ONE.shiftLeft(256 + e % 5);
      }
    }
    return a;
  }

  @Provide
  Arbitrary<byte[]> secretKeyBytes() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofSize(32),
        Arbitraries.of(R, R.subtract(BigInteger.ONE), BigInteger.ZERO, MAX)
            .map(CryptoDecodeFuzzTest::encode),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
  }

  @Property(tries = 80)
  void secretKeysDecodeOrFailTyped(@ForAll("secretKeyBytes") byte[] bytes) {
    Outcome<BigInteger> o =
        Decoders.decode(() -> Bn254Bls.secretKeyFromBytes(bytes), InvalidEncodingException.class);
    if (o.ok()) {
      assertThat(o.value().signum()).isPositive();
      assertThat(o.value()).isLessThan(R);
      assertThat(Bn254Bls.secretKeyToBytes(o.value())).isEqualTo(bytes);
    }
  }

  // --- the two BLS schemes as the verifier calls them ---

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom s = SecureRandom.getInstance("SHA1PRNG");
      s.setSeed(seed);
      return s;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final byte[] DOMAIN =
      io.bridgescope.crypto.Keccak.keccak256(
          "DOMAIN_CHECKPOINT_MANAGER".getBytes(StandardCharsets.US_ASCII));

  @Property(tries = 8)
  void bn254SchemeVerifiesOrRefusesTyped(
      @ForAll long seed,
      @ForAll("edits") List<Edit> keyEdits,
      @ForAll("edits") List<Edit> sigEdits) {
    schemeProperty(new Bn254EdgeScheme(), seed, keyEdits, sigEdits);
  }

  @Property(tries = 10)
  void bls12381SchemeVerifiesOrRefusesTyped(
      @ForAll long seed,
      @ForAll("edits") List<Edit> keyEdits,
      @ForAll("edits") List<Edit> sigEdits) {
    schemeProperty(new Bls12381Scheme(), seed, keyEdits, sigEdits);
  }

  private static void schemeProperty(
      BlsScheme scheme, long seed, List<Edit> keyEdits, List<Edit> sigEdits) {
    BlsKeyPair k;
    try {
      k = scheme.generateKeyPair(seeded(seed));
    } catch (BlsUnavailableException e) {
      return; // no native library on this platform: its own test says so
    }
    byte[] message = ("checkpoint " + seed).getBytes(StandardCharsets.US_ASCII);
    byte[] sig = scheme.sign(k.secretKey(), message, DOMAIN);
    byte[] pk = applyAll(k.publicKey(), keyEdits);
    byte[] s = applyAll(sig, sigEdits);
    Outcome<Boolean> o =
        Decoders.decode(
            () -> scheme.verify(pk, message, s, DOMAIN), InvalidEncodingException.class);
    if (keyEdits.isEmpty() && sigEdits.isEmpty()) {
      assertThat(o.value()).isTrue();
    }
    Outcome<Boolean> agg =
        Decoders.decode(
            () -> scheme.aggregateVerify(List.of(pk, k.publicKey()), message, s, DOMAIN),
            InvalidEncodingException.class);
    assertThat(agg.value()).isNotEqualTo(Boolean.TRUE); // two keys never match one signature
  }

  // --- bitmap and quorum ---

  @Property(tries = 120)
  void bitmapsReadLeastSignificantBitFirst(
      @ForAll @Size(max = 40) byte[] bitmap, @ForAll @IntRange(min = 0, max = 400) int count) {
    List<Integer> signers = Decoders.decode(() -> ValidatorBitmap.signers(bitmap, count)).value();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i / 8 < bitmap.length && (bitmap[i / 8] & (1 << (i % 8))) != 0) {
        expected.add(i);
      }
    }
    assertThat(signers).isEqualTo(expected);
  }

  @Property(tries = 120)
  void quorumIsComputedOrPowersAreRefusedTyped(
      @ForAll @Size(max = 8) byte[] bitmap, @ForAll("powers") List<BigInteger> powers) {
    Outcome<QuorumResult> o =
        Decoders.decode(() -> Quorum.check(bitmap, powers), InvalidEncodingException.class);
    if (!o.ok()) {
      return;
    }
    QuorumResult q = o.value();
    BigInteger total = powers.stream().reduce(BigInteger.ZERO, BigInteger::add);
    BigInteger signed = BigInteger.ZERO;
    for (int i : q.signers()) {
      signed = signed.add(powers.get(i));
    }
    assertThat(q.totalPower()).isEqualTo(total);
    assertThat(q.signedPower()).isEqualTo(signed);
    assertThat(q.signers().size() + q.nonSigners().size()).isEqualTo(powers.size());
    boolean reached =
        !q.signers().isEmpty()
            && signed.multiply(BigInteger.valueOf(3)).compareTo(total.multiply(BigInteger.TWO)) > 0;
    assertThat(q.failure().isEmpty()).isEqualTo(reached);
  }

  @Provide
  Arbitrary<List<BigInteger>> powers() {
    Arbitrary<BigInteger> power =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                6, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000))),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    BigInteger.ONE.negate(),
                    MAX,
                    MAX.add(BigInteger.ONE),
                    BigInteger.ONE.shiftLeft(255))),
            net.jqwik.api.Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX)));
    return power.list().ofMaxSize(40);
  }
}
