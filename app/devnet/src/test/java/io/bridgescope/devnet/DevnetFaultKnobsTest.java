package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reorg and late-checkpoint knobs act on the real chains, and a crashed anvil is reported. */
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
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      DevnetStatus s = d.status();
      while (System.nanoTime() < deadline
          && (d.reorgCount() < 2 || s.checkpoints() < 2 || s.syncsExecuted() < 5)) {
        Thread.sleep(1000);
        s = d.status();
      }
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
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && d.failure() == null) {
        Thread.sleep(200);
      }
      assertThat(d.failure()).contains("child chain (anvil) stopped unexpectedly");
      assertThat(d.status().health()).contains("child chain (anvil) stopped");
    }
  }
}
