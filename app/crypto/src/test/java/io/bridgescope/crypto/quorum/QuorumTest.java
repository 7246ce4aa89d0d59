package io.bridgescope.crypto.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class QuorumTest {

  private static List<BigInteger> powers(long... values) {
    List<BigInteger> out = new ArrayList<>();
    for (long v : values) {
      out.add(BigInteger.valueOf(v));
    }
    return out;
  }

  @Test
  void exactlyTwoThirdsIsNotEnough() {
    QuorumResult result = Quorum.check(new byte[] {0b011}, powers(1, 1, 1));
    assertThat(result.threshold()).isEqualTo(2);
    assertThat(result.signedPower()).isEqualTo(2);
    assertThat(result.reached()).isFalse();
    assertThat(result.reason()).contains("INSUFFICIENT_VOTING_POWER");
    assertThat(result.margin()).isEqualTo(-1);
    assertThat(result.nonSigners()).containsExactly(2);
  }

  @Test
  void threeOfFourIsEnough() {
    QuorumResult result = Quorum.check(new byte[] {0b1011}, powers(1, 1, 1, 1));
    assertThat(result.threshold()).isEqualTo(2);
    assertThat(result.reached()).isTrue();
    assertThat(result.reason()).isEmpty();
    assertThat(result.margin()).isZero();
    assertThat(result.signers()).containsExactly(0, 1, 3);
    assertThat(result.nonSigners()).containsExactly(2);
    assertThat(result.totalPower()).isEqualTo(4);
  }

  @Test
  void weightsNotHeadcountDecide() {
    assertThat(Quorum.check(new byte[] {0b001}, powers(100, 1, 1)).reached()).isTrue();
    assertThat(Quorum.check(new byte[] {0b110}, powers(100, 1, 1)).reached()).isFalse();
  }

  @Test
  void emptyBitmapIsRejectedBeforePowerIsLookedAt() {
    QuorumResult empty = Quorum.check(new byte[0], powers(1, 1));
    assertThat(empty.failure()).contains(QuorumFailure.BITMAP_IS_EMPTY);
    assertThat(Quorum.check(new byte[] {0, 0}, powers(1, 1)).reason()).contains("BITMAP_IS_EMPTY");
  }

  @Test
  void bitsOnlyBeyondTheValidatorCountCountAsEmpty() {
    QuorumResult result =
        Quorum.check(new byte[] {(byte) 0b1111_1000, (byte) 0xff}, powers(5, 5, 5));
    assertThat(result.reason()).contains("BITMAP_IS_EMPTY");
    assertThat(result.signers()).isEmpty();
    assertThat(result.nonSigners()).containsExactly(0, 1, 2);
  }

  @Test
  void signersWithZeroPowerAreNotEmptyButInsufficient() {
    QuorumResult result = Quorum.check(new byte[] {0b01}, powers(0, 3));
    assertThat(result.reason()).contains("INSUFFICIENT_VOTING_POWER");
  }

  @Test
  void hugePowersStayExact() {
    BigInteger big = BigInteger.ONE.shiftLeft(200);
    QuorumResult result = Quorum.check(new byte[] {0b011}, List.of(big, big, big));
    assertThat(result.threshold()).isEqualTo(big.shiftLeft(1));
    assertThat(result.reached()).isFalse();
  }

  @Test
  void rejectsPowersOutsideUint256() {
    assertThatThrownBy(() -> Quorum.check(new byte[] {1}, powers(1, -1)))
        .isInstanceOfSatisfying(
            InvalidEncodingException.class,
            e -> assertThat(e.field()).isEqualTo("votingPowers[1]"));
    List<BigInteger> tooBig = List.of(BigInteger.ONE.shiftLeft(256));
    assertThatThrownBy(() -> Quorum.check(new byte[] {1}, tooBig))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageContaining("votingPowers[0]");
    List<BigInteger> sumTooBig = Collections.nCopies(2, BigInteger.ONE.shiftLeft(255));
    assertThatThrownBy(() -> Quorum.check(new byte[] {1}, sumTooBig))
        .isInstanceOf(InvalidEncodingException.class);
  }

  /** s > floor(2t/3) is the same as 3s > 2t for integers; check the rule through that identity. */
  @Property
  void reachedExactlyWhenSomeoneSignedAndThreeSignedExceedTwoTotal(
      @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 1_000_000) Long> weights,
      @ForAll @Size(max = 30) Set<@IntRange(min = 0, max = 40) Integer> signers) {
    List<BigInteger> powers = weights.stream().map(BigInteger::valueOf).toList();
    QuorumResult result = Quorum.check(ValidatorBitmap.encode(signers), powers);
    long signed = 0;
    long total = 0;
    int counted = 0;
    for (int i = 0; i < weights.size(); i++) {
      total += weights.get(i);
      if (signers.contains(i)) {
        signed += weights.get(i);
        counted++;
      }
    }
    assertThat(result.signedPower()).isEqualTo(signed);
    assertThat(result.signers()).hasSize(counted);
    assertThat(result.signers().size() + result.nonSigners().size()).isEqualTo(weights.size());
    assertThat(result.reached()).isEqualTo(counted > 0 && 3 * signed > 2 * total);
    if (counted > 0) {
      assertThat(result.margin().signum() >= 0).isEqualTo(result.reached());
    }
  }
}
