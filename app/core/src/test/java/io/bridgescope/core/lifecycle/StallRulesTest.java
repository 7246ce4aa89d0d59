package io.bridgescope.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.lifecycle.Stall.Part;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The stage-level stall sentences from a hand-built cadence and counts. */
class StallRulesTest {

  static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);
  static final PendingByStage NOTHING = new PendingByStage(0, 0, 0, 0, 0, 0, 0, 0, 0);

  static Cadence checkpointsEvery(Duration every, long lastBlock) {
    return new Cadence(
        Optional.of(Duration.ofSeconds(3)),
        Optional.of(every),
        Optional.of(Duration.ofSeconds(2)),
        Optional.of(BigInteger.TEN),
        Optional.of(T0),
        OptionalLong.of(lastBlock),
        OptionalLong.of(lastBlock / 10),
        Optional.of(T0));
  }

  @Test
  void aCheckpointThreeCadencesLateIsAStallOnceTheChildPassedTheNextEpochEnd() {
    Cadence cad = checkpointsEvery(Duration.ofSeconds(60), 100);
    Instant now = T0.plusSeconds(181);
    List<Stall> s = StallRules.stalls(cad, NOTHING, OptionalLong.of(110), 10, now);
    assertThat(s).extracting(Stall::part).containsExactly(Part.CHECKPOINTING);
    assertThat(s.get(0).summary())
        .isEqualTo(
            "checkpoints late: the last one was ~3 min ago, they usually arrive every ~60 s");
  }

  @Test
  void anIndexThatHasNotSeenTheNextEpochEndIsNotALateCheckpoint() {
    Cadence cad = checkpointsEvery(Duration.ofSeconds(60), 100);
    assertThat(StallRules.stalls(cad, NOTHING, OptionalLong.of(109), 10, T0.plusSeconds(600)))
        .isEmpty();
  }

  @Test
  void aCheckpointWithinItsGraceIsNotLate() {
    Cadence cad = checkpointsEvery(Duration.ofSeconds(60), 100);
    assertThat(StallRules.stalls(cad, NOTHING, OptionalLong.of(200), 10, T0.plusSeconds(179)))
        .isEmpty();
  }

  @Test
  void stuckExitsAndUncommittedDepositsNameTheirStages() {
    Cadence cad = checkpointsEvery(Duration.ofSeconds(60), 100);
    PendingByStage p = new PendingByStage(3, 5, 0, 0, 0, 1, 2, 0, 0);
    List<Stall> s = StallRules.stalls(cad, p, OptionalLong.of(105), 10, T0.plusSeconds(120));
    assertThat(s).extracting(Stall::part).containsExactly(Part.COMMITTING, Part.CHECKPOINTING);
    assertThat(s.get(0).summary())
        .isEqualTo(
            "validators not committing: 5 deposit(s) wait for a commitment far longer than usual"
                + " (commitments arrive every ~3 s), the last one was ~2 min ago");
    assertThat(s.get(1).summary())
        .isEqualTo("checkpoints late: 2 exit(s) wait for a checkpoint far beyond the cadence");
    assertThat(new BridgeHealth(p, s).headline()).startsWith("stalled: validators not committing");
  }
}
