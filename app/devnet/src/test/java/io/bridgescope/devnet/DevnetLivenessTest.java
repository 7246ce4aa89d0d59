package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a cold start, against real anvil chains: deposits get committed (signature checked on chain)
 * and executed, exits get checkpointed (signature and quorum checked on chain), and the fault
 * knobs' bad checkpoints are rejected on chain with the expected revert reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevnetLivenessTest {

  @TempDir static Path work;
  private Devnet devnet;

  @BeforeAll
  void start() {
    DevnetConfig cfg = DevnetConfig.defaults().withFaults(false, 2, 3, Duration.ZERO);
    devnet = Devnet.start(cfg, DevnetHome.locate(), work, msg -> {});
  }

  @AfterAll
  void stop() {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void within90SecondsDepositsAreExecutedAndExitsCheckpointed() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    DevnetStatus s = devnet.status();
    while (System.nanoTime() < deadline && (s.syncsExecuted() < 20 || s.exitsCheckpointed() < 10)) {
      Thread.sleep(1000);
      s = devnet.status();
      assertThat(devnet.failure()).isNull();
    }
    assertThat(s.syncsExecuted()).as("deposits executed on the child").isGreaterThanOrEqualTo(20);
    assertThat(s.exitsCheckpointed())
        .as("exits checkpointed on the root")
        .isGreaterThanOrEqualTo(10);
    assertThat(s.commitments()).isPositive();
    assertThat(s.exitsExited()).as("exits paid out by ExitHelper").isPositive();
    System.out.printf(
        "devnet: startup %d ms, gas per commitment %d, per checkpoint %d, status %s%n",
        devnet.startupMillis(), s.lastCommitGas(), s.lastCheckpointGas(), s.row());
  }

  @Test
  void belowQuorumAndWrongDomainCheckpointsAreRejectedOnChain() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && !bothFaultsSeen()) {
      Thread.sleep(1000);
    }
    assertThat(devnet.rejectedCheckpoints())
        .anySatisfy(
            r -> {
              assertThat(r.fault()).isEqualTo("below quorum");
              assertThat(r.reason()).isEqualTo("INSUFFICIENT_VOTING_POWER");
            })
        .anySatisfy(
            r -> {
              assertThat(r.fault()).isEqualTo("wrong domain");
              assertThat(r.reason()).isEqualTo("SIGNATURE_VERIFICATION_FAILED");
            });
  }

  private boolean bothFaultsSeen() {
    List<Checkpointer.Rejected> r = devnet.rejectedCheckpoints();
    return r.stream().anyMatch(x -> x.fault().equals("below quorum"))
        && r.stream().anyMatch(x -> x.fault().equals("wrong domain"));
  }
}
