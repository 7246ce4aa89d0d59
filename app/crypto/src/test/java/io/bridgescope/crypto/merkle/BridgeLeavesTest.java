package io.bridgescope.crypto.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BridgeLeavesTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SENDER = filled(20, 0x11);
  private static final byte[] RECEIVER = filled(20, 0x22);
  private static final byte[] DATA = {(byte) 0xaa, (byte) 0xbb, (byte) 0xcc};

  private static byte[] filled(int length, int value) {
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) value);
    return out;
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }

  /** The ABI words written out by hand: id, sender, receiver, offset 0x80, length, padded data. */
  private static final String FLAT_TUPLE =
      word(1)
          + "000000000000000000000000"
          + "11".repeat(20)
          + "000000000000000000000000"
          + "22".repeat(20)
          + word(0x80)
          + word(3)
          + "aabbcc"
          + "00".repeat(29);

  @Test
  void exitEncodingIsAFlatTupleWithDataAtOffset0x80() {
    byte[] encoded = BridgeLeaves.exitEncoding(BigInteger.ONE, SENDER, RECEIVER, DATA);
    assertThat(HEX.formatHex(encoded)).isEqualTo(FLAT_TUPLE);
    assertThat(encoded).hasSize(6 * 32);
  }

  @Test
  void stateSyncEncodingStartsWithTheStructOffsetWord() {
    byte[] encoded = BridgeLeaves.stateSyncEncoding(BigInteger.ONE, SENDER, RECEIVER, DATA);
    assertThat(HEX.formatHex(encoded)).isEqualTo(word(0x20) + FLAT_TUPLE);
  }

  @Test
  void leafHashesMatchJsSha3OverTheHandWrittenEncodings() {
    assertThat(HEX.formatHex(BridgeLeaves.exitLeaf(BigInteger.ONE, SENDER, RECEIVER, DATA)))
        .isEqualTo("28eb818032ce79cc419dd18b2257e4c4abe2cc16a5c9fddbeb10bbbc41550514");
    assertThat(HEX.formatHex(BridgeLeaves.stateSyncLeaf(BigInteger.ONE, SENDER, RECEIVER, DATA)))
        .isEqualTo("e18b71dc54e4065bc7a477a2d1dcf67d2fdaaec83acb606cfee12d01e529da6c");
  }

  @Test
  void emptyAndWordSizedDataNeedNoPadding() {
    String head = word(7) + "00".repeat(12) + "11".repeat(20) + "00".repeat(12) + "22".repeat(20);
    byte[] empty = BridgeLeaves.exitEncoding(BigInteger.valueOf(7), SENDER, RECEIVER, new byte[0]);
    assertThat(HEX.formatHex(empty)).isEqualTo(head + word(0x80) + word(0));
    byte[] full = BridgeLeaves.exitEncoding(BigInteger.valueOf(7), SENDER, RECEIVER, filled(32, 5));
    assertThat(HEX.formatHex(full)).isEqualTo(head + word(0x80) + word(32) + "05".repeat(32));
    byte[] longer =
        BridgeLeaves.exitEncoding(BigInteger.valueOf(7), SENDER, RECEIVER, filled(33, 5));
    // four head words, the length word, then 33 bytes padded to 64
    assertThat(longer).hasSize(4 * 32 + 32 + 64);
  }

  @Test
  void rejectsBadFieldsByName() {
    assertThatThrownBy(() -> BridgeLeaves.exitLeaf(BigInteger.ONE, new byte[19], RECEIVER, DATA))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class, e -> assertThat(e.field()).isEqualTo("sender"));
    assertThatThrownBy(
            () -> BridgeLeaves.stateSyncLeaf(BigInteger.ONE.negate(), SENDER, RECEIVER, DATA))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(() -> BridgeLeaves.exitLeaf(BigInteger.ONE, SENDER, RECEIVER, null))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class, e -> assertThat(e.field()).isEqualTo("data"));
  }
}
