package io.bridgescope.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a cold start, against real anvil chains: deposits get committed (signature checked on chain)
 * and executed, exits get checkpointed (signature and quorum checked on chain), and the fault
 * knobs' bad checkpoints are rejected on chain with the expected revert reason.
 */
@Tag("devnet")
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
  void depositsAreExecutedAndExitsCheckpointed() throws Exception {
    // ~90 s on a quiet machine; the limit is for a loaded one (the speed is not what is tested).
    DevnetStatus s =
        await("20 deposits executed and 10 exits checkpointed")
            .atMost(Duration.ofSeconds(240))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  assertThat(devnet.failure()).isNull();
                  return devnet.status();
                },
                st -> st.syncsExecuted() >= 20 && st.exitsCheckpointed() >= 10);
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
    await("a below-quorum and a wrong-domain checkpoint rejected")
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofSeconds(1))
        .until(this::bothFaultsSeen);
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
