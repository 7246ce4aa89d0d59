package io.bridgescope.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The status sentences and overdue rules, from hand-built rows and a fixed "now". */
class LifecycleRulesTest {

  static final long T0 = 1_700_000_000L;
  final LifecycleRules rules = new LifecycleRules(10);

  static Cadence cadence(Duration commits, Duration checkpoints, Duration latency) {
    return new Cadence(
        Optional.ofNullable(commits),
        Optional.ofNullable(checkpoints),
        Optional.ofNullable(latency),
        Optional.of(BigInteger.valueOf(412)),
        Optional.of(Instant.ofEpochSecond(T0)),
        OptionalLong.of(40),
        OptionalLong.of(4),
        Optional.of(Instant.ofEpochSecond(T0)));
  }

  @Test
  void aFreshDepositWaitsForACommitmentWithAnEta() {
    DepositStatus s =
        rules.deposit(
            sync(413, T0 + 10),
            Optional.empty(),
            List.of(),
            cadence(Duration.ofMinutes(3), null, null),
            Instant.ofEpochSecond(T0 + 60));
    assertThat(s.stage()).isEqualTo(Stage.SENT);
    assertThat(s.status().reason())
        .isEqualTo(
            "waiting for a commitment: last committed id 412, commitments arrive every ~3 min");
    assertThat(s.status().eta()).contains(Instant.ofEpochSecond(T0 + 10 + 180));
    assertThat(s.status().overdue()).isFalse();
  }

  @Test
  void aDepositWaitingThreeTimesTheCadenceIsStuck() {
    DepositStatus s =
        rules.deposit(
            sync(413, T0 + 10),
            Optional.empty(),
            List.of(),
            cadence(Duration.ofMinutes(3), null, null),
            Instant.ofEpochSecond(T0 + 10 + 9 * 60 + 1));
    assertThat(s.stage()).isEqualTo(Stage.STUCK);
    assertThat(s.status().overdue()).isTrue();
    assertThat(s.status().reason())
        .startsWith("no commitment for ~9 min: waiting for a commitment");
  }

  @Test
  void aCommittedDepositWithoutAnyObservedExecutionSaysTheRelayerMayBeDown() {
    DepositStatus s =
        rules.deposit(
            sync(413, T0),
            Optional.of(commitment(413, 420, T0 + 5)),
            List.of(),
            cadence(Duration.ofMinutes(3), null, null),
            Instant.ofEpochSecond(T0 + 3600));
    assertThat(s.stage()).isEqualTo(Stage.COMMITTED);
    assertThat(s.status().reason())
        .startsWith("committed in 413..420 at child block 7; waiting for execution");
    assertThat(s.status().nextStep()).contains("proof deposit 413");
    assertThat(s.status().overdue()).isFalse();
  }

  @Test
  void aCommittedDepositLongPastTheUsualLatencyIsStuck() {
    DepositStatus s =
        rules.deposit(
            sync(413, T0),
            Optional.of(commitment(413, 420, T0 + 5)),
            List.of(),
            cadence(Duration.ofMinutes(3), null, Duration.ofSeconds(5)),
            Instant.ofEpochSecond(T0 + 100));
    assertThat(s.stage()).isEqualTo(Stage.STUCK);
    assertThat(s.status().reason())
        .contains("usually executes within ~5 s, this one has waited ~2 min");
  }

  @Test
  void aFailedExecutionIsDecoded() {
    byte[] revert =
        HexFormat.of()
            .parseHex(
                "08c379a0"
                    + "0000000000000000000000000000000000000000000000000000000000000020"
                    + "0000000000000000000000000000000000000000000000000000000000000004"
                    + "4e4f504500000000000000000000000000000000000000000000000000000000");
    DepositStatus s =
        rules.deposit(
            sync(413, T0),
            Optional.of(commitment(413, 420, T0 + 5)),
            List.of(result(413, false, revert)),
            cadence(null, null, null),
            Instant.ofEpochSecond(T0));
    assertThat(s.stage()).isEqualTo(Stage.FAILED);
    assertThat(s.status().reason()).contains("execution failed 1 time(s)", ": NOPE;");
  }

  @Test
  void aSuccessAfterAFailureIsExecuted() {
    DepositStatus s =
        rules.deposit(
            sync(413, T0),
            Optional.of(commitment(413, 420, T0 + 5)),
            List.of(result(413, false, new byte[0]), result(413, true, new byte[0])),
            cadence(null, null, null),
            Instant.ofEpochSecond(T0));
    assertThat(s.stage()).isEqualTo(Stage.EXECUTED);
  }

  @Test
  void anUncheckpointedExitNamesItsEpochEnd() {
    ExitStatus s =
        rules.exit(
            exit(17, 45, 5),
            OptionalLong.empty(),
            List.of(),
            cadence(null, Duration.ofSeconds(10), null),
            Instant.ofEpochSecond(T0 + 5));
    assertThat(s.stage()).isEqualTo(Stage.SENT);
    assertThat(s.status().reason())
        .isEqualTo(
            "waiting for a checkpoint: its epoch 5 ends at child block 50, the last checkpoint"
                + " is block 40 (epoch 4), checkpoints arrive every ~10 s");
    assertThat(s.status().eta()).contains(Instant.ofEpochSecond(T0 + 10));
  }

  @Test
  void aCheckpointedExitIsReadyToWithdrawAndAnExitInTheCheckpointBlockIsNot() {
    ExitStatus ready =
        rules.exit(
            exit(17, 45, 5),
            OptionalLong.of(50),
            List.of(),
            cadence(null, null, null),
            Instant.ofEpochSecond(T0));
    assertThat(ready.stage()).isEqualTo(Stage.CHECKPOINTED);
    assertThat(ready.status().reason())
        .startsWith("ready to withdraw: checkpointed at child block 50");
    assertThat(ready.checkpointBlock()).hasValue(50);
    ExitStatus midBlock =
        rules.exit(
            exit(18, 50, 5),
            OptionalLong.of(50),
            List.of(),
            cadence(null, null, null),
            Instant.ofEpochSecond(T0));
    assertThat(midBlock.stage()).isEqualTo(Stage.SENT);
  }

  @Test
  void anExitProcessedSuccessfullyIsExited() {
    ExitStatus s =
        rules.exit(
            exit(17, 45, 5),
            OptionalLong.of(50),
            List.of(result(17, true, new byte[0])),
            cadence(null, null, null),
            Instant.ofEpochSecond(T0));
    assertThat(s.stage()).isEqualTo(Stage.EXITED);
  }

  static StateSyncRow sync(long id, long time) {
    return new StateSyncRow(
        BigInteger.valueOf(id),
        Address.ofLow(1),
        Address.ofLow(2),
        Bytes.EMPTY,
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(id, time, hash(id), 0));
  }

  static ExitRow exit(long id, long block, long epoch) {
    return new ExitRow(
        BigInteger.valueOf(id),
        Address.ofLow(1),
        Address.ofLow(2),
        Bytes.EMPTY,
        epoch,
        PayloadKind.MESSAGE,
        Optional.empty(),
        new EventRef(block, T0, hash(id), 0));
  }

  static CommitmentRow commitment(long start, long end, long time) {
    return new CommitmentRow(
        BigInteger.valueOf(start),
        BigInteger.valueOf(end),
        hash(start),
        Optional.empty(),
        new EventRef(7, time, hash(end), 0));
  }

  static ExecutionResultRow result(long id, boolean ok, byte[] data) {
    return new ExecutionResultRow(
        BigInteger.valueOf(id),
        ok,
        Bytes.of(data),
        new EventRef(9, T0 + 20, hash(id + (ok ? 1000 : 2000)), 0));
  }

  static Hash32 hash(long seed) {
    byte[] b = new byte[32];
    b[24] = (byte) (seed >> 8);
    b[31] = (byte) seed;
    return new Hash32(b);
  }
}
