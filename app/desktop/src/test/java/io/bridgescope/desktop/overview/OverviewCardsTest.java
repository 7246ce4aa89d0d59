package io.bridgescope.desktop.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.OverviewFacts;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OverviewCardsTest {

  @Test
  void notConnectedCardsShowNoNumbers() {
    assertThat(OverviewCards.notConnected())
        .allSatisfy(
            c -> {
              assertThat(c.value()).isEqualTo(OverviewCards.NONE);
              assertThat(c.detail()).contains("not connected");
            });
  }

  @Test
  void lateCommitmentIsAWarningWithItsCadence() {
    OverviewFacts facts =
        new OverviewFacts(
            Optional.of(new CommitmentRow(7, BigInteger.ONE, BigInteger.TEN, Hash32.ZERO, "ok")),
            Optional.of(Duration.ofMinutes(30)),
            Optional.of(Duration.ofMinutes(5)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            3,
            0,
            0,
            1,
            OptionalDouble.of(0.75));
    var cards = OverviewCards.from(facts);
    assertThat(cards.get(0).value()).isEqualTo("#7");
    assertThat(cards.get(0).detail()).isEqualTo("30 min ago (usually every 5 min)");
    assertThat(cards.get(0).warning()).isTrue();
    assertThat(cards.get(1).value()).isEqualTo("none yet");
    assertThat(cards.get(4).warning()).isTrue();
    assertThat(cards.get(5).value()).isEqualTo("75 %");
  }

  @Test
  void troubleTileNamesTheFirstStuckAndFailingItems() {
    OverviewFacts facts =
        new OverviewFacts(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            1,
            1,
            OptionalDouble.empty(),
            java.util.List.of("deposit 12 stuck", "commitment 0xab…cd: root mismatch"));
    OverviewCard tile =
        OverviewCards.from(facts).stream()
            .filter(c -> c.title().startsWith("Stuck"))
            .findFirst()
            .orElseThrow();
    assertThat(tile.value()).isEqualTo("2");
    assertThat(tile.warning()).isTrue();
    assertThat(tile.detail()).contains("deposit 12 stuck", "root mismatch");
  }
}
