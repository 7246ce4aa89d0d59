package io.bridgescope.crypto.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HashToG1Test {

  private static final HexFormat HEX = HexFormat.of();

  /** Polygon Edge's own vectors; provenance in src/test/resources/vectors/README.md. */
  static final String VECTORS = "/vectors/bn254-hash-to-point.json";

  static Stream<Arguments> vectors() throws IOException {
    JsonNode root;
    try (InputStream in = HashToG1Test.class.getResourceAsStream(VECTORS)) {
      if (in == null) {
        throw new IOException(VECTORS + " is missing from the test resources");
      }
      root = new ObjectMapper().readTree(in);
    }
    List<Arguments> out = new ArrayList<>();
    int i = 0;
    for (JsonNode v : root) {
      out.add(
          Arguments.of(
              i++,
              v.get("msg").asText(),
              v.get("domain").asText(),
              new BigInteger(v.get("x").asText()),
              new BigInteger(v.get("y").asText())));
    }
    return out.stream();
  }

  @Test
  void theVectorFileHoldsAll199Vectors() throws IOException {
    assertThat(vectors().count()).isEqualTo(199);
  }

  @ParameterizedTest(name = "vector {0}: msg {1}")
  @MethodSource("vectors")
  void hashesToTheSpecPoint(int index, String msg, String domain, BigInteger x, BigInteger y) {
    G1Point point = HashToG1.hash(TestValues.hex(msg), TestValues.hex(domain));
    assertThat(point.toUint256Array()).containsExactly(x, y);
  }

  /** RFC 9380 Appendix K.1 (expand_message_xmd with SHA-256). */
  @Test
  void expandMessageXmdMatchesRfc9380() {
    byte[] dst = "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(HashToG1.expandMessageXmd(new byte[0], dst, 0x20)))
        .isEqualTo("68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235");
    assertThat(
            HEX.formatHex(
                HashToG1.expandMessageXmd("abc".getBytes(StandardCharsets.US_ASCII), dst, 0x20)))
        .isEqualTo("d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615");
    assertThat(HashToG1.expandMessageXmd(new byte[] {1}, dst, 96)).hasSize(96);
  }

  @Test
  void expandMessageXmdRejectsBadParameters() {
    assertThatThrownBy(() -> HashToG1.expandMessageXmd(new byte[0], new byte[0], 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashToG1.expandMessageXmd(new byte[0], new byte[256], 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashToG1.expandMessageXmd(new byte[0], new byte[1], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapToPointLandsOnTheCurveForEdgeInputs() {
    Random r = new Random(3);
    List<Fp> inputs = new ArrayList<>(List.of(Fp.ZERO, Fp.ONE, Fp.ONE.neg(), Fp.of(2)));
    for (int i = 0; i < 200; i++) {
      inputs.add(TestValues.fp(r));
    }
    for (Fp t : inputs) {
      G1Point p = HashToG1.mapToPoint(t);
      assertThat(p.isOnCurve()).as("t = %s", t).isTrue();
      // The sign of y follows the Legendre symbol of t (t = 0 counts as a square)...
      Fp y = p.normalize().y;
      boolean yIsPrincipalRoot = y.sqr().sqrt().equals(y);
      assertThat(yIsPrincipalRoot).isEqualTo(t.legendre() >= 0);
      // ...so t and -t map to opposite points (-1 is a non-square since p = 3 mod 4).
      if (!t.isZero()) {
        assertThat(HashToG1.mapToPoint(t.neg())).isEqualTo(p.negate());
      }
    }
  }

  @Test
  void hashDependsOnMessageAndDomain() {
    byte[] domain = new byte[32];
    G1Point a = HashToG1.hash(new byte[] {1}, domain);
    assertThat(HashToG1.hash(new byte[] {1}, domain)).isEqualTo(a);
    assertThat(HashToG1.hash(new byte[] {2}, domain)).isNotEqualTo(a);
    domain[0] = 1;
    assertThat(HashToG1.hash(new byte[] {1}, domain)).isNotEqualTo(a);
    assertThat(a.isOnCurve()).isTrue();
  }
}
