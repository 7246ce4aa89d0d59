package io.bridgescope.desktop.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.quorum.ValidatorBitmap;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumSummaryTest {

  static List<ValidatorEntry> fourValidators() {
    return List.of(
        new ValidatorEntry(Address.ofLow(0xA1), BigInteger.valueOf(1000)),
        new ValidatorEntry(Address.ofLow(0xA2), BigInteger.valueOf(1000)),
        new ValidatorEntry(Address.ofLow(0xA3), BigInteger.valueOf(1000)),
        new ValidatorEntry(Address.ofLow(0xA4), BigInteger.valueOf(1000)));
  }

  @Test
  void threeOfFourEqualValidatorsReachQuorumWithSpare() {
    QuorumSummary s =
        QuorumSummary.compute(fourValidators(), ValidatorBitmap.encode(List.of(0, 1, 3)));
    assertThat(s.reached()).isTrue();
    assertThat(s.rows()).extracting(ValidatorRow::signed).containsExactly(true, true, false, true);
    assertThat(s.rows().get(0).sharePercent()).isEqualTo(25.0);
    assertThat(s.signedFraction()).isEqualTo(0.75);
    // threshold floor(8000/3) = 2666, required 2667, spare 333
    assertThat(s.marginText())
        .isEqualTo(
            "Quorum reached: signed 3,000 of 4,000 (75.00%); needs more than 2,666 (2/3); spare 333");
  }

  @Test
  void twoOfFourIsShortAndSaysByHowMuch() {
    QuorumSummary s =
        QuorumSummary.compute(fourValidators(), ValidatorBitmap.encode(List.of(0, 2)));
    assertThat(s.reached()).isFalse();
    assertThat(s.failure()).contains("INSUFFICIENT_VOTING_POWER");
    assertThat(s.marginText()).contains("No quorum", "missing 667");
  }

  @Test
  void emptyBitmapIsReportedAsNobodySigned() {
    QuorumSummary s = QuorumSummary.compute(fourValidators(), new byte[0]);
    assertThat(s.marginText()).isEqualTo("No quorum: nobody signed (BITMAP_IS_EMPTY)");
  }
}
