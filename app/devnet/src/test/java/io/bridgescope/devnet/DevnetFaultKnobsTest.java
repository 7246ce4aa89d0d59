package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reorg and late-checkpoint knobs act on the real chains, and a crashed anvil is reported. */
@Tag("devnet")
class DevnetFaultKnobsTest {

  @TempDir Path work;

  @Test
  void scheduledReorgsHappenAndTheBridgeKeepsWorking() throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .reorgs(Duration.ofSeconds(5), 2)
            .lateCheckpointDelay(Duration.ofSeconds(3))
            .build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      // Generous: every reorg may drop the relayer's pending batch, which is then sent again.
      DevnetStatus s =
          await("2 reorgs, 2 checkpoints and 5 deposits executed")
              .atMost(Duration.ofSeconds(240))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  d::status,
                  st -> d.reorgCount() >= 2 && st.checkpoints() >= 2 && st.syncsExecuted() >= 5);
      assertThat(d.failure()).isNull();
      assertThat(d.reorgCount()).as("reorgs made by the knob").isGreaterThanOrEqualTo(2);
      assertThat(s.checkpoints()).isGreaterThanOrEqualTo(2);
      assertThat(s.syncsExecuted()).isGreaterThanOrEqualTo(5);
      // Late checkpoints: each accepted checkpoint was submitted at least 3 s after its block.
      long lastCheckpointBlock =
          d.checkpointBlocks().stream().mapToLong(Long::longValue).max().orElseThrow();
      long blockTime = d.child().block(lastCheckpointBlock).getTimestamp().longValueExact();
      assertThat(d.lastCheckpointSubmittedAt().getEpochSecond() - blockTime)
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aCrashedChainIsReportedAsAFailure() throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().toBuilder().trafficInterval(Duration.ZERO).build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      d.childNode().processes().stream()
          .filter(p -> p.info().command().map(c -> c.endsWith("anvil")).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
      await("the devnet reports the crash")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> d.failure() != null);
      assertThat(d.failure()).contains("child chain (anvil) stopped unexpectedly");
      assertThat(d.status().health()).contains("child chain (anvil) stopped");
    }
  }
}
