package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EncodingTest {

  private static final BigInteger P = Bn254.FIELD_MODULUS;
  private static final BigInteger R = Bn254.CURVE_ORDER;

  private static void assertRejected(ThrowingCallable call, String field, String problem) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidEncodingException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ").contains(problem);
            });
  }

  private static byte[] word(BigInteger v) {
    byte[] out = new byte[32];
    Codec.writeWord(v, out, 0);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[parts.length * 32];
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, out, i * 32, 32);
    }
    return out;
  }

  @Property(tries = 30)
  void g1RoundTrips(@ForAll long seed) {
    G1Point p = G1Point.generator().multiply(TestValues.scalar(new Random(seed)));
    byte[] bytes = p.toBytes();
    assertThat(bytes).hasSize(64);
    assertThat(Arrays.copyOfRange(bytes, 0, 32)).isEqualTo(word(p.x()));
    assertThat(Arrays.copyOfRange(bytes, 32, 64)).isEqualTo(word(p.y()));
    assertThat(G1Point.fromBytes(bytes, "sig")).isEqualTo(p);
    assertThat(G1Point.fromUint256Array(p.toUint256Array(), "sig")).isEqualTo(p);
    assertThat(G1Point.of(p.x(), p.y(), "sig").toBytes()).isEqualTo(bytes);
  }

  @Property(tries = 15)
  void g2RoundTripsInEvmAndOnChainOrder(@ForAll long seed) {
    G2Point q = G2Point.generator().multiply(TestValues.scalar(new Random(seed)));
    byte[] evm = q.toEvmBytes();
    BigInteger[] words = q.toUint256Array(); // [x.real, x.imag, y.real, y.imag]
    G2Point n = q.normalize();
    assertThat(words)
        .containsExactly(
            n.x.c0.toBigInteger(),
            n.x.c1.toBigInteger(),
            n.y.c0.toBigInteger(),
            n.y.c1.toBigInteger());
    assertThat(evm)
        .isEqualTo(concat(word(words[1]), word(words[0]), word(words[3]), word(words[2])));
    assertThat(G2Point.fromEvmBytes(evm, "pk")).isEqualTo(q);
    assertThat(G2Point.fromUint256Array(words, "pk")).isEqualTo(q);
  }

  @Test
  void g2GeneratorEncodingIsTheEvmOne() {
    byte[] evm = G2Point.generator().toEvmBytes();
    // EIP-197 lists the generator's x as 1155...5634 * i + 1085...2781 and puts the imaginary part
    // first.
    assertThat(new BigInteger(1, Arrays.copyOfRange(evm, 0, 32)))
        .isEqualTo(
            new BigInteger(
                "11559732032986387107991004021392285783925812861821192530917403151452391805634"));
    assertThat(G2Point.generator().toUint256Array()[0])
        .isEqualTo(
            new BigInteger(
                "10857046999023057135944570762232829481370756359578518086990519993285655852781"));
  }

  @Test
  void g1DecoderRejections() {
    G1Point five = G1Point.generator().multiply(BigInteger.valueOf(5));
    byte[] good = five.toBytes();
    assertRejected(
        () -> G1Point.fromBytes(Arrays.copyOf(good, 63), "signature"),
        "signature",
        "expected 64 bytes, got 63");
    assertRejected(
        () -> G1Point.fromBytes(Arrays.copyOf(good, 65), "signature"),
        "signature",
        "expected 64 bytes, got 65");
    assertRejected(() -> G1Point.fromBytes(null, "signature"), "signature", "null");
    byte[] xTooBig = good.clone();
    System.arraycopy(word(P), 0, xTooBig, 0, 32);
    assertRejected(
        () -> G1Point.fromBytes(xTooBig, "signature"),
        "signature",
        "x coordinate is not below the field modulus");
    byte[] yTooBig = good.clone();
    System.arraycopy(word(five.y().add(P)), 0, yTooBig, 32, 32); // y + p: on the curve mod p
    assertRejected(
        () -> G1Point.fromBytes(yTooBig, "signature"), "signature", "y coordinate is not below");
    byte[] allFf = new byte[64];
    Arrays.fill(allFf, (byte) 0xff);
    assertRejected(
        () -> G1Point.fromBytes(allFf, "signature"), "signature", "not below the field modulus");
    assertRejected(
        () -> G1Point.fromBytes(new byte[64], "signature"), "signature", "point at infinity");
    byte[] offCurve = good.clone();
    offCurve[63] ^= 1;
    assertRejected(() -> G1Point.fromBytes(offCurve, "signature"), "signature", "not on the curve");
    assertRejected(
        () -> G1Point.fromBytes(Arrays.copyOf(good, 10)), "G1 point", "expected 64 bytes");
  }

  @Test
  void g1ArrayDecoderRejections() {
    BigInteger[] good = G1Point.generator().toUint256Array();
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[3], "sig"),
        "sig",
        "expected 2 values, got 3");
    assertRejected(() -> G1Point.fromUint256Array(null, "sig"), "sig", "null");
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[] {null, good[1]}, "sig"),
        "sig",
        "x coordinate is missing");
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[] {good[0], BigInteger.ONE.negate()}, "sig"),
        "sig",
        "y coordinate is negative");
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[] {good[0].add(P), good[1]}, "sig"),
        "sig",
        "x coordinate is not below");
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, "sig"),
        "sig",
        "infinity");
    assertRejected(
        () -> G1Point.fromUint256Array(new BigInteger[] {BigInteger.ONE, BigInteger.ONE}, "sig"),
        "sig",
        "not on the curve");
  }

  @Test
  void g2DecoderRejections() {
    byte[] good = G2Point.generator().multiply(BigInteger.valueOf(9)).toEvmBytes();
    assertRejected(
        () -> G2Point.fromEvmBytes(Arrays.copyOf(good, 127), "publicKey"),
        "publicKey",
        "expected 128 bytes, got 127");
    assertRejected(
        () -> G2Point.fromEvmBytes(Arrays.copyOf(good, 129), "publicKey"),
        "publicKey",
        "expected 128 bytes, got 129");
    assertRejected(() -> G2Point.fromEvmBytes(null, "publicKey"), "publicKey", "null");
    String[] parts = {"x.imag", "x.real", "y.imag", "y.real"};
    for (int i = 0; i < 4; i++) {
      byte[] tooBig = good.clone();
      System.arraycopy(word(P), 0, tooBig, i * 32, 32);
      assertRejected(
          () -> G2Point.fromEvmBytes(tooBig, "publicKey"),
          "publicKey",
          parts[i] + " coordinate is not below the field modulus");
    }
    assertRejected(
        () -> G2Point.fromEvmBytes(new byte[128], "publicKey"), "publicKey", "point at infinity");
    byte[] offCurve = good.clone();
    offCurve[127] ^= 1;
    assertRejected(
        () -> G2Point.fromEvmBytes(offCurve, "publicKey"), "publicKey", "not on the twist curve");
    byte[] outside = TestValues.twistPointOutsideG2(1).toEvmBytes();
    assertRejected(
        () -> G2Point.fromEvmBytes(outside, "publicKey"),
        "publicKey",
        "not in the order-r subgroup");
    // The same point with the EVM word order mixed up (real part first) is not even on the curve.
    byte[] swapped =
        concat(
            Arrays.copyOfRange(good, 32, 64),
            Arrays.copyOfRange(good, 0, 32),
            Arrays.copyOfRange(good, 96, 128),
            Arrays.copyOfRange(good, 64, 96));
    assertRejected(
        () -> G2Point.fromEvmBytes(swapped, "publicKey"), "publicKey", "not on the twist curve");
    assertRejected(() -> G2Point.fromEvmBytes(new byte[1]), "G2 point", "expected 128 bytes");
  }

  @Test
  void g2ArrayDecoderRejections() {
    BigInteger[] good = G2Point.generator().toUint256Array();
    assertRejected(
        () -> G2Point.fromUint256Array(new BigInteger[2], "blsKey"),
        "blsKey",
        "expected 4 values, got 2");
    assertRejected(() -> G2Point.fromUint256Array(null, "blsKey"), "blsKey", "null");
    String[] parts = {"x.real", "x.imag", "y.real", "y.imag"};
    for (int i = 0; i < 4; i++) {
      BigInteger[] tooBig = good.clone();
      tooBig[i] = tooBig[i].add(P);
      assertRejected(
          () -> G2Point.fromUint256Array(tooBig, "blsKey"),
          "blsKey",
          parts[i] + " coordinate is not below");
      BigInteger[] negative = good.clone();
      negative[i] = BigInteger.ONE.negate();
      assertRejected(
          () -> G2Point.fromUint256Array(negative, "blsKey"),
          "blsKey",
          parts[i] + " coordinate is negative");
    }
    BigInteger[] zeros = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    assertRejected(() -> G2Point.fromUint256Array(zeros, "blsKey"), "blsKey", "infinity");
    BigInteger[] swapped = {good[1], good[0], good[3], good[2]};
    assertRejected(
        () -> G2Point.fromUint256Array(swapped, "blsKey"), "blsKey", "not on the twist curve");
    BigInteger[] outside = TestValues.twistPointOutsideG2(7).toUint256Array();
    assertRejected(() -> G2Point.fromUint256Array(outside, "blsKey"), "blsKey", "subgroup");
  }

  @Test
  void secretKeyEncoding() {
    BigInteger sk = new BigInteger("1234567890123456789012345678901234567890");
    byte[] bytes = Bn254Bls.secretKeyToBytes(sk);
    assertThat(bytes).hasSize(32);
    assertThat(Bn254Bls.secretKeyFromBytes(bytes)).isEqualTo(sk);
    assertThat(Bn254Bls.secretKeyFromBytes(word(R.subtract(BigInteger.ONE))))
        .isEqualTo(R.subtract(BigInteger.ONE));
    assertRejected(
        () -> Bn254Bls.secretKeyFromBytes(new byte[31]), "secretKey", "expected 32 bytes, got 31");
    assertRejected(() -> Bn254Bls.secretKeyFromBytes(null), "secretKey", "null");
    assertRejected(() -> Bn254Bls.secretKeyFromBytes(new byte[32]), "secretKey", "is zero");
    assertRejected(
        () -> Bn254Bls.secretKeyFromBytes(word(R)), "secretKey", "not below the group order");
    assertThatThrownBy(() -> Bn254Bls.secretKeyToBytes(R))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
