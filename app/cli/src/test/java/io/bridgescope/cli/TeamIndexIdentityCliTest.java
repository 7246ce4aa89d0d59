package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.ChainPin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader verb given a team index (on a real PostgreSQL server) refuses one indexed from another
 * network than its profile, as {@code store_other_network} naming both chains; the index of the
 * profile's own chains, and a new one not pinned yet, are read.
 */
class TeamIndexIdentityCliTest {

  private static EmbeddedPostgres pg;
  private static int databases;

  @TempDir Path dir;
  Path data;

  @BeforeAll
  static void startServer() throws IOException {
    Path work = Paths.get(System.getProperty("java.io.tmpdir"), "bridgescope-embedded-pg");
    Files.createDirectories(work);
    pg =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setDataDirectory(Files.createTempDirectory("bs-cli-pgdata"))
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "off")
            .start();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void dataDirectory() throws IOException {
    data = dir.resolve("data");
    // deadnet: root chain id 31337, child 31338
    JsonContractTest.saveProfile(data, "deadnet", JsonContractTest.closedPort());
  }

  /** A new team index pinned as its indexer pins it; returns the URL a user would give. */
  private static String teamIndex(ChainPin... pins) throws SQLException {
    String name = "bs_cli_" + ProcessHandle.current().pid() + "_" + ++databases;
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = "postgresql://postgres@localhost:" + pg.getPort() + "/" + name;
    Database db = Database.openPostgres(PgTarget.parse(url, Map.of()), Map.of(), true, false);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      for (ChainPin p : pins) {
        w.call(c -> new ChainIdentityDao(c).pinIfAbsent(p, Instant.EPOCH)).join();
      }
    }
    return url;
  }

  private static Hash32 hash(int b) {
    byte[] h = new byte[32];
    Arrays.fill(h, (byte) b);
    return new Hash32(h);
  }

  private CliRun.Result deposits(String url) {
    return CliRun.run(
        "deposits", "--db", url, "--json", "--data-dir", data.toString(), "-n", "deadnet");
  }

  @Test
  void anotherNetworksTeamIndexIsRefusedNamingBothChains() throws SQLException {
    String url =
        teamIndex(
            new ChainPin(ChainRole.ROOT, 1, hash(1)), new ChainPin(ChainRole.CHILD, 137, hash(2)));
    CliRun.Result r = deposits(url);
    JsonNode e = r.noStackTrace().error();
    assertThat(e.get("code").asText()).isEqualTo("store_other_network");
    assertThat(e.get("message").asText())
        .contains("root chain is chain id 1 ")
        .contains("network 'deadnet' has root chain id 31337")
        .contains("--db");
  }

  @Test
  void aRestartedChainWithTheSameIdsIsRefusedByTheLocalIndexsGenesis() throws SQLException {
    Database local = Database.open(new DataDir(data).database("deadnet"));
    try (StoreWriter w = new StoreWriter(local, Clock.systemUTC())) {
      w.call(
              c ->
                  new ChainIdentityDao(c)
                      .pinIfAbsent(new ChainPin(ChainRole.CHILD, 31338, hash(2)), Instant.EPOCH))
          .join();
    }
    String url =
        teamIndex(
            new ChainPin(ChainRole.ROOT, 31337, hash(1)),
            new ChainPin(ChainRole.CHILD, 31338, hash(3)));
    JsonNode e = deposits(url).noStackTrace().error();
    assertThat(e.get("code").asText()).isEqualTo("store_other_network");
    assertThat(e.get("message").asText())
        .contains("child chain with the same chain id 31338")
        .contains(hash(3).toString())
        .contains(hash(2).toString());
  }

  @Test
  void theProfilesOwnTeamIndexAndANewOneAreRead() throws SQLException {
    for (String url :
        new String[] {
          teamIndex(
              new ChainPin(ChainRole.ROOT, 31337, hash(1)),
              new ChainPin(ChainRole.CHILD, 31338, hash(2))),
          teamIndex()
        }) {
      CliRun.Result r = deposits(url);
      JsonNode doc = r.noStackTrace().json();
      assertThat(r.exit()).as("exit of %s, stderr: %s", doc, r.err()).isZero();
      assertThat(doc.isArray()).as(doc.toString()).isTrue();
      assertThat(doc).isEmpty();
    }
  }
}
