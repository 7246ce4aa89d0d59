package io.bridgescope.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.MessageDetail.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detail pane's durations: between stages, and the whole journey once it ended. */
class MessageDurationsTest {

  private static Step done(long at) {
    return new Step(
        "s",
        true,
        "root",
        Optional.of(1L),
        Optional.empty(),
        Optional.of("t"),
        Optional.of(Instant.ofEpochSecond(at)));
  }

  private static Step pending() {
    return new Step(
        "p",
        false,
        "child",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static MessageDetail detail(List<Step> steps) {
    return new MessageDetail(
        "Deposit 1",
        steps,
        List.of(),
        "x",
        "x",
        "x",
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void eachStageSaysHowLongAfterThePreviousDoneOneAndTheTotalComesOnceTheLastIsDone() {
    MessageDetail executed = detail(List.of(done(1000), done(1014), done(1139)));
    assertThat(executed.sincePrevious(0)).isEmpty();
    assertThat(executed.sincePrevious(1)).contains(Duration.ofSeconds(14));
    assertThat(executed.sincePrevious(2)).contains(Duration.ofSeconds(125));
    assertThat(executed.total()).contains(Duration.ofSeconds(139));

    MessageDetail waiting = detail(List.of(done(1000), done(1014), pending()));
    assertThat(waiting.sincePrevious(2)).isEmpty();
    assertThat(waiting.total()).as("not over yet").isEmpty();

    // a failed execution between: the next one counts from it, the total from the first stage
    MessageDetail retried = detail(List.of(done(1000), pending(), done(1100), done(1160)));
    assertThat(retried.sincePrevious(2)).contains(Duration.ofSeconds(100));
    assertThat(retried.sincePrevious(3)).contains(Duration.ofSeconds(60));
    assertThat(retried.total()).contains(Duration.ofSeconds(160));
  }

  @Test
  void durationsReadAsAPersonSaysThem() {
    assertThat(GuiWords.duration(Duration.ZERO)).isEqualTo("0 s");
    assertThat(GuiWords.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
    assertThat(GuiWords.duration(Duration.ofSeconds(60))).isEqualTo("1 min");
    assertThat(GuiWords.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    assertThat(GuiWords.duration(Duration.ofSeconds(3600 + 180 + 7))).isEqualTo("1 h 3 min");
    assertThat(GuiWords.duration(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    assertThat(GuiWords.duration(Duration.ofSeconds(-3)))
        .as("two chains' clocks may disagree: said, not hidden")
        .isEqualTo("−3 s");
  }
}
