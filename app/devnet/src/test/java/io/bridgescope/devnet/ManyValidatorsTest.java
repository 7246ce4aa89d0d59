package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 100 validators, 10 of them offline: commitments and checkpoints are still accepted on chain. */
@Tag("devnet")
class ManyValidatorsTest {

  @TempDir Path work;

  @Test
  void hundredValidatorsCommitAndCheckpoint() throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().withValidators(100, 10);
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      DevnetStatus s =
          await("3 deposits executed and a checkpoint accepted")
              .atMost(Duration.ofSeconds(180))
              .pollInterval(Duration.ofSeconds(1))
              .until(d::status, st -> st.syncsExecuted() >= 3 && st.checkpoints() >= 1);
      assertThat(d.failure()).isNull();
      assertThat(s.syncsExecuted()).isGreaterThanOrEqualTo(3);
      assertThat(s.checkpoints()).isGreaterThanOrEqualTo(1);
      System.out.printf(
          "100 validators: gas per commitment %d, per checkpoint %d%n",
          s.lastCommitGas(), s.lastCheckpointGas());
    }
  }
}
