package io.bridgescope.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

class Bls12381SchemeTest extends BlsSchemeContractTest {

  private static final HexFormat HEX = HexFormat.of();

  @Override
  protected BlsScheme scheme() {
    return new Bls12381Scheme();
  }

  @Override
  protected byte[] infinityPublicKey() {
    return compressedInfinity(48);
  }

  @Override
  protected byte[] infinitySignature() {
    return compressedInfinity(96);
  }

  /** Zcash/blst compressed format: flags 0b11 (compressed, infinity) and zeros. */
  private static byte[] compressedInfinity(int length) {
    byte[] out = new byte[length];
    out[0] = (byte) 0xc0;
    return out;
  }

  @Test
  void hashesToG2AsRfc9380WithAnAsciiDomainTakenVerbatim() {
    // RFC 9380 J.10.1, msg = "": with secret key 1 the signature is the hashed point itself.
    byte[] dst =
        "QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);
    byte[] one = new byte[32];
    one[31] = 1;
    byte[] signature = scheme.sign(one, new byte[0], dst);
    // blst serialises G2 as x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0.
    String expected =
        "05cb8437535e20ecffaef7752baddf98034139c38452458baeefab379ba13dff5bf5dd71b72418717047f5b0f37da03d"
            + "0141ebfbdca40eb85b87142e130ab689c673cf60f1a3e98d69335266f30d9b8d4ac44c1038e9dcdd5393faf5c41fb78a"
            + "12424ac32561493f3fe3c260708a12b7c620e7be00099a974e259ddc7d1f6395c3c811cdd19f1e8dbf3e9ecfdcbab8d6"
            + "0503921d7f6a12805e72940b963c0cf3471c7b2a524950ca195d11062ee75ec076daf2d4bc358c4b190c0c98064fdd92";
    assertThat(HEX.formatHex(new P2_Affine(signature).serialize())).isEqualTo(expected);
  }

  @Test
  void binaryDomainsAreMappedToAHexDst() {
    assertThat(Bls12381Scheme.dst("ETH".getBytes(StandardCharsets.US_ASCII))).isEqualTo("ETH");
    assertThat(Bls12381Scheme.dst(new byte[] {0x41, (byte) 0x80}))
        .isEqualTo(Bls12381Scheme.HEX_DST_PREFIX + "4180");
    assertThat(Bls12381Scheme.dst(new byte[] {0x41, 0x00}))
        .isEqualTo(Bls12381Scheme.HEX_DST_PREFIX + "4100");
    assertRejected(() -> Bls12381Scheme.dst(new byte[200]), "domain");
  }

  @Test
  void pointsOnTheCurveButOutsideTheSubgroupAreRejected() {
    byte[] g1 = onCurveCandidate(48);
    assertThat(new P1_Affine(g1).in_group()).isFalse();
    assertThatThrownBy(
            () -> scheme.verify(g1, MESSAGE, scheme.sign(key(), MESSAGE, DOMAIN), DOMAIN))
        .hasMessageContaining("publicKey")
        .hasMessageContaining("subgroup");
    byte[] g2 = onCurveCandidate(96);
    assertThat(new P2_Affine(g2).in_group()).isFalse();
    assertThatThrownBy(() -> scheme.verify(scheme.publicKey(key()), MESSAGE, g2, DOMAIN))
        .hasMessageContaining("signature")
        .hasMessageContaining("subgroup");
  }

  @Test
  void secretKeysMustBeBelowTheGroupOrder() {
    byte[] order = HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    assertRejected(() -> scheme.publicKey(order), "secretKey");
    order[31] = 0; // order - 1
    assertThat(scheme.publicKey(order)).hasSize(48);
  }

  @Test
  void aLoadFailureBecomesATypedErrorNamingThePlatform() {
    Bls12381Scheme broken =
        new Bls12381Scheme(
            () -> {
              throw new ExceptionInInitializerError(new UnsatisfiedLinkError("no libblst.so"));
            });
    assertThatThrownBy(() -> broken.publicKey(key()))
        .isInstanceOf(BlsUnavailableException.class)
        .hasMessageContaining("jblst")
        .hasMessageContaining(System.getProperty("os.arch"))
        .hasMessageContaining("no libblst.so");
    assertThatThrownBy(() -> broken.aggregateSignatures(List.of()))
        .isInstanceOf(BlsUnavailableException.class);
  }

  private static byte[] key() {
    byte[] sk = new byte[32];
    sk[31] = 7;
    return sk;
  }

  /** The first compressed x = 1, 2, … that decodes, i.e. lies on the curve (cofactor > 1). */
  private static byte[] onCurveCandidate(int length) {
    for (int x = 1; x < 100; x++) {
      byte[] bytes = new byte[length];
      bytes[0] = (byte) 0x80;
      bytes[length - 1] = (byte) x;
      try {
        if (length == 48) {
          new P1_Affine(bytes);
        } else {
          new P2_Affine(bytes);
        }
        return bytes;
      } catch (RuntimeException notOnCurve) {
        // try the next x
      }
    }
    throw new AssertionError("no candidate found");
  }
}
