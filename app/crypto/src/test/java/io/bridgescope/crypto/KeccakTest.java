package io.bridgescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeccakTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void hashesTheEmptyInputToTheWellKnownEthereumValue() {
    assertThat(HEX.formatHex(Keccak.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void pairOfZeroNodesMatchesJsSha3() {
    // Value computed with js-sha3 (an independent implementation).
    String expected = "ad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5";
    assertThat(HEX.formatHex(Keccak.keccak256(new byte[32], new byte[32]))).isEqualTo(expected);
    byte[] out = new byte[40];
    Keccak.create().hashPair(new byte[32], 0, new byte[64], 32, out, 8);
    assertThat(HEX.formatHex(out, 8, 40)).isEqualTo(expected);
  }

  @Test
  void reusedInstanceGivesTheSameResultAsFreshOnes() {
    Keccak keccak = Keccak.create();
    byte[] input = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] first = keccak.hash(input);
    byte[] second = keccak.hash(input);
    assertThat(second).isEqualTo(first).isEqualTo(Keccak.keccak256(input));
    assertThat(HEX.formatHex(first))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }
}
