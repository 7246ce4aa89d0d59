package io.bridgescope.crypto.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AbiTupleEncoderTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  @Test
  void uint256CoversTheWholeRangeAndNoMore() {
    assertThat(HEX.formatHex(AbiTupleEncoder.uint256Word("v", MAX))).isEqualTo("ff".repeat(32));
    assertThat(HEX.formatHex(AbiTupleEncoder.uint256Word("v", BigInteger.ONE.shiftLeft(255))))
        .isEqualTo("80" + "00".repeat(31));
    assertThatThrownBy(() -> AbiTupleEncoder.uint256Word("v", MAX.add(BigInteger.ONE)))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageStartingWith("v: ");
    assertThatThrownBy(() -> AbiTupleEncoder.uint256Word("v", BigInteger.valueOf(-1)))
        .isInstanceOf(InvalidEncodingException.class);
  }

  @Test
  void staticOnlyStructEncodesLikeTheFlatTuple() {
    AbiTupleEncoder encoder =
        new AbiTupleEncoder().uint256("a", 1).bytes32("root", new byte[32]).uint256("b", 2);
    assertThat(encoder.encodeAsStruct()).isEqualTo(encoder.encode()).hasSize(96);
  }

  @Test
  void twoDynamicValuesGetOffsetsPastTheHeadAndEachOther() {
    byte[] encoded =
        new AbiTupleEncoder()
            .bytes("first", new byte[] {1})
            .uint256("n", 9)
            .bytes("second", new byte[40])
            .encode();
    String expected =
        String.format("%064x", 0x60)
            + String.format("%064x", 9)
            + String.format("%064x", 0xa0)
            + String.format("%064x", 1)
            + "01"
            + "00".repeat(31)
            + String.format("%064x", 40)
            + "00".repeat(64);
    assertThat(HEX.formatHex(encoded)).isEqualTo(expected);
  }

  @Test
  void rejectsWrongSizes() {
    AbiTupleEncoder encoder = new AbiTupleEncoder();
    assertThatThrownBy(() -> encoder.address("to", new byte[21]))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageContaining("to: expected 20 bytes, got 21");
    assertThatThrownBy(() -> encoder.bytes32("root", new byte[31]))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageContaining("root");
  }
}
