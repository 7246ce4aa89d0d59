package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.SubmissionRevert;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An epoch that only rejected submissions have tried so far: {@code checkpoint} shows them (an
 * auditor wants exactly these) instead of answering that nothing is indexed.
 */
class RejectedOnlyCheckpointTest {

  @TempDir Path dir;

  @Test
  void anEpochTriedOnlyByRejectedSubmissionsShowsThemNotNotIndexed() throws Exception {
    Path data = dir.resolve("data");
    JsonContractTest.saveProfile(data, "deadnet", JsonContractTest.closedPort());
    Path file = new DataDir(data).database("deadnet");
    Files.createDirectories(file.getParent());
    Hash32 rejectedTx = hash(7);
    Hash32 otherEpochTx = hash(8);
    Database.open(file); // the schema
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      new CheckpointDao(c)
          .insert(List.of(failed(rejectedTx, 4, 120), failed(otherEpochTx, 5, 130)));
      new SubmissionRevertDao(c)
          .insert(
              List.of(
                  new SubmissionRevert(rejectedTx, "INSUFFICIENT_VOTING_POWER", "otterscan", 120)));
    }

    CliRun.Result r =
        CliRun.run("checkpoint", "4", "-n", "deadnet", "--json", "--data-dir", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = r.json();
    assertThat(doc.path("epoch").asLong()).isEqualTo(4);
    assertThat(doc.path("accepted").asBoolean(true)).isFalse();
    assertThat(doc.path("verdict").asText()).contains("1 rejected submission");
    assertThat(doc.path("rejected")).hasSize(1);
    assertThat(doc.path("rejected").get(0).path("submitTx").asText())
        .isEqualTo(rejectedTx.toString());
    assertThat(doc.path("rejected").get(0).path("reason").asText())
        .isEqualTo("INSUFFICIENT_VOTING_POWER");

    // An epoch nobody tried is still not indexed.
    CliRun.Result none =
        CliRun.run("checkpoint", "9", "-n", "deadnet", "--json", "--data-dir", data.toString());
    assertThat(none.exit()).isNotZero();
    assertThat(none.json().path("error").path("code").asText()).isEqualTo("not_indexed");
  }

  private static CheckpointRow failed(Hash32 tx, long epoch, long rootBlock) {
    Address submitter = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    return new CheckpointRow(
        tx,
        submitter,
        false,
        epoch,
        epoch * 10,
        hash(epoch + 100),
        hash(epoch + 200),
        BigInteger.ONE,
        hash(epoch + 300),
        Bytes.of(new byte[64]),
        Bytes.of(new byte[] {1}),
        List.of(),
        rootBlock,
        1_700_000_000L + rootBlock,
        0);
  }

  private static Hash32 hash(long v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return new Hash32(b);
  }
}
