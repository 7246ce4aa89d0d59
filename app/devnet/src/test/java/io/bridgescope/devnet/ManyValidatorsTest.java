package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100 validators, 10 of them offline: commitments and checkpoints are still accepted on chain. */
class ManyValidatorsTest {

  @TempDir Path work;

  @Test
  void hundredValidatorsCommitAndCheckpoint() throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().withValidators(100, 10);
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      DevnetStatus s = d.status();
      while (System.nanoTime() < deadline && (s.syncsExecuted() < 3 || s.checkpoints() < 1)) {
        Thread.sleep(1000);
        s = d.status();
      }
      assertThat(d.failure()).isNull();
      assertThat(s.syncsExecuted()).isGreaterThanOrEqualTo(3);
      assertThat(s.checkpoints()).isGreaterThanOrEqualTo(1);
      System.out.printf(
          "100 validators: gas per commitment %d, per checkpoint %d%n",
          s.lastCommitGas(), s.lastCheckpointGas());
    }
  }
}
