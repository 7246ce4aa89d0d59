package io.bridgescope.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import io.bridgescope.crypto.bn254.Bn254Bls;
import io.bridgescope.crypto.bn254.G1Point;
import io.bridgescope.crypto.bn254.G2Point;
import io.bridgescope.crypto.bn254.HashToG1;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bn254EdgeSchemeTest extends BlsSchemeContractTest {

  /**
   * EVM encoding of (2 + u, y), a point on the twist but outside G2 (bn254.TestValues builds it and
   * bn254.CurveTest shows that clearing the cofactor 2p - r is needed to reach G2).
   */
  private static final String TWIST_POINT_OUTSIDE_G2 =
      "0000000000000000000000000000000000000000000000000000000000000001"
          + "0000000000000000000000000000000000000000000000000000000000000002"
          + "2b76c179599bb92a963dac85546a005a777f7c13f6a7b75d5918b6b5808f5fde"
          + "101f7278419308b95099eca02dcee0c5381f4d26d1d62313f057167f064101ce";

  @Override
  protected BlsScheme scheme() {
    return new Bn254EdgeScheme();
  }

  /** EVM convention: the point at infinity is all-zero coordinates. */
  @Override
  protected byte[] infinityPublicKey() {
    return new byte[128];
  }

  @Override
  protected byte[] infinitySignature() {
    return new byte[64];
  }

  @Test
  void declaresEdgeSizesAndName() {
    assertThat(scheme.name()).isEqualTo("bn254-edge");
    assertThat(scheme.secretKeyLength()).isEqualTo(32);
    assertThat(scheme.publicKeyLength()).isEqualTo(128);
    assertThat(scheme.signatureLength()).isEqualTo(64);
  }

  @Test
  void bytesAgreeWithTheTypedApi() {
    byte[] sk = new byte[32];
    sk[31] = 5;
    BigInteger five = BigInteger.valueOf(5);
    assertThat(scheme.publicKey(sk)).isEqualTo(Bn254Bls.publicKey(five).toEvmBytes());
    assertThat(scheme.sign(sk, MESSAGE, DOMAIN))
        .isEqualTo(HashToG1.hash(MESSAGE, DOMAIN).multiply(five).toBytes());
    byte[] agg =
        scheme.aggregatePublicKeys(List.of(scheme.publicKey(sk), G2Point.generator().toEvmBytes()));
    assertThat(agg).isEqualTo(G2Point.generator().multiply(BigInteger.valueOf(6)).toEvmBytes());
  }

  @Test
  void publicKeysOutsideG2AreRejected() {
    byte[] outside = HexFormat.of().parseHex(TWIST_POINT_OUTSIDE_G2);
    assertThatThrownBy(() -> G2Point.fromEvmBytes(outside, "publicKey"))
        .hasMessageContaining("subgroup");
    byte[] sk = new byte[32];
    sk[31] = 3;
    byte[] signature = scheme.sign(sk, MESSAGE, DOMAIN);
    assertThatThrownBy(() -> scheme.verify(outside, MESSAGE, signature, DOMAIN))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class,
            e -> assertThat(e.getMessage()).contains("publicKey").contains("subgroup"));
    assertThatThrownBy(
            () ->
                scheme.aggregateVerify(
                    List.of(scheme.publicKey(sk), outside), MESSAGE, signature, DOMAIN))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class, e -> assertThat(e.field()).isEqualTo("publicKeys[1]"));
  }

  @Test
  void signaturesAreEdgeUint256Pairs() {
    byte[] sk = new byte[32];
    sk[31] = 11;
    byte[] signature = scheme.sign(sk, MESSAGE, DOMAIN);
    G1Point point = G1Point.fromBytes(signature, "signature");
    BigInteger[] words = point.toUint256Array();
    assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32)))
        .isEqualTo(words[0]);
    assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64)))
        .isEqualTo(words[1]);
  }
}
