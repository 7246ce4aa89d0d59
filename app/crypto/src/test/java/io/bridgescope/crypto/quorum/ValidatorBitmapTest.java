package io.bridgescope.crypto.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ValidatorBitmapTest {

  @Test
  void readsBitsLeastSignificantFirst() {
    byte[] bitmap = {(byte) 0b0000_0101, (byte) 0b1000_0000};
    assertThat(ValidatorBitmap.signers(bitmap, 16)).containsExactly(0, 2, 15);
    assertThat(ValidatorBitmap.isSigned(bitmap, 1)).isFalse();
  }

  @Test
  void missingBytesMeanNotSigned() {
    byte[] bitmap = {(byte) 0xff};
    assertThat(ValidatorBitmap.signers(bitmap, 20)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(ValidatorBitmap.isSigned(new byte[0], 0)).isFalse();
  }

  @Test
  void bitsAtOrAboveTheValidatorCountAreIgnored() {
    byte[] bitmap = {(byte) 0b1111_1000};
    assertThat(ValidatorBitmap.signers(bitmap, 3)).isEmpty();
    assertThat(ValidatorBitmap.signers(bitmap, 4)).containsExactly(3);
  }

  @Test
  void encodesTheShortestBitmap() {
    assertThat(ValidatorBitmap.encode(List.of())).isEmpty();
    assertThat(ValidatorBitmap.encode(List.of(0, 2))).containsExactly(0b101);
    assertThat(ValidatorBitmap.encode(Set.of(8))).containsExactly(0, 1);
    assertThat(ValidatorBitmap.encode(List.of(15, 15))).containsExactly(0, 0x80);
    assertThatThrownBy(() -> ValidatorBitmap.encode(List.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void encodeThenDecodeGivesTheSameSigners(
      @ForAll @Size(max = 40) Set<@IntRange(min = 0, max = 199) Integer> signers) {
    byte[] bitmap = ValidatorBitmap.encode(signers);
    assertThat(ValidatorBitmap.signers(bitmap, 200))
        .containsExactlyElementsOf(new TreeSet<>(signers));
  }
}
