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
    assertThat(cards.get(0).title()).isEqualTo("Bridge");
    assertThat(cards.get(0).value()).isEqualTo("Moving");
    assertThat(cards.get(0).warning()).isFalse();
    assertThat(cards.get(1).value()).isEqualTo("#7");
    assertThat(cards.get(1).detail()).isEqualTo("30 min ago (usually every 5 min)");
    assertThat(cards.get(1).warning()).isTrue();
    assertThat(cards.get(2).value()).isEqualTo("none yet");
    assertThat(cards.get(5).warning()).isTrue();
    assertThat(cards.get(6).value()).isEqualTo("75 %");
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
            java.util.List.of("deposit 12 stuck", "commitment 0xab…cd: root mismatch"),
            java.util.List.of(),
            OverviewFacts.Pending.UNKNOWN);
    OverviewCard tile =
        OverviewCards.from(facts).stream()
            .filter(c -> c.title().startsWith("Stuck"))
            .findFirst()
            .orElseThrow();
    assertThat(tile.value()).isEqualTo("2");
    assertThat(tile.warning()).isTrue();
    assertThat(tile.detail()).contains("deposit 12 stuck", "root mismatch");
  }

  @Test
  void aStalledRelayerLeadsTheOverviewAndPendingIsSplitByStage() {
    OverviewFacts facts =
        new OverviewFacts(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            838,
            4,
            816,
            0,
            OptionalDouble.empty(),
            java.util.List.of(),
            java.util.List.of("relayer stopped: no deposit was ever executed"),
            new OverviewFacts.Pending(6, 16, 816, 1, 2, 1));
    var cards = OverviewCards.from(facts);
    assertThat(cards.get(0).value()).isEqualTo("STALLED");
    assertThat(cards.get(0).warning()).isTrue();
    assertThat(cards.get(0).detail()).isEqualTo("relayer stopped: no deposit was ever executed");
    OverviewCard deposits =
        cards.stream().filter(c -> c.title().equals("Pending deposits")).findFirst().orElseThrow();
    assertThat(deposits.value()).isEqualTo("838");
    assertThat(deposits.detail())
        .isEqualTo("6 awaiting commitment · 16 awaiting execution · 816 stuck");
    assertThat(deposits.warning()).isTrue();
    OverviewCard exits =
        cards.stream().filter(c -> c.title().equals("Pending exits")).findFirst().orElseThrow();
    assertThat(exits.detail()).isEqualTo("1 awaiting checkpoint · 2 ready to withdraw · 1 stuck");
  }
}
