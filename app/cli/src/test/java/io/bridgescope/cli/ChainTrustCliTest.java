package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StateSyncDao;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index} and {@code status} against the devnet with profiles that do not fit it: a wrong
 * chain id is refused before a row is written, a database of another chain is refused, a dead
 * primary with a working fallback is "degraded" (exit 0), and a node that accepts and never answers
 * is named by {@code status}, which still answers.
 */
@Tag("devnet")
class ChainTrustCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Devnet devnet;
  private static Path work;

  @TempDir Path data;

  @BeforeAll
  static void startDevnet() throws Exception {
    work = Files.createTempDirectory("bs-chaintrust-cli-");
    devnet = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {});
  }

  @AfterAll
  static void stopDevnet() {
    if (devnet != null) {
      devnet.close();
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path save(NetworkProfile p) throws IOException {
    Path f = data.resolve(p.name() + ".json");
    NetworkProfileJson.write(p, f);
    return f;
  }

  private Run verb(String verb, Path profile) {
    return run(verb, "--network=" + profile, "--data-dir=" + data, "--json");
  }

  private Database database(String name) {
    return Database.open(new DataDir(data).database(name));
  }

  @Test
  void aProfileWithAnotherChainIdIsRefusedBeforeARowIsWritten() throws Exception {
    NetworkProfile wrong = devnet.profile().toBuilder().name("says-mainnet").rootChainId(1).build();
    Path file = save(wrong);

    Run index = verb("index", file);
    assertThat(index.exit()).as(index.out() + index.err()).isNotZero();
    assertThat(index.err())
        .contains("wrong chain")
        .contains("reports chain id " + DevnetConfig.ROOT_CHAIN_ID)
        .contains("root chain id 1")
        .contains(devnet.rootNode().rpcUrl().toString());
    Database db = database("says-mainnet");
    long rows = db.read(c -> new StateSyncDao(c).count());
    Optional<Cursor> child = db.read(c -> new CursorDao(c).get(ChainRole.CHILD));
    assertThat(rows).isZero();
    assertThat(child).isEmpty();

    Run wallet =
        run(
            "exit",
            "list",
            "--account=0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "--network=" + file,
            "--data-dir=" + data);
    assertThat(wallet.exit()).isNotZero();
    assertThat(wallet.err()).contains("wrong chain").contains("reports chain id 31337");

    Run status = verb("status", file);
    assertThat(status.exit()).isNotZero();
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.path("health").asText()).contains("wrong chain");
    assertThat(s.path("root").path("rpc").get(0).path("problem").asText()).isEqualTo("wrong_chain");
  }

  @Test
  void aDatabaseFromAnotherChainWithTheSameIdIsRefused() throws Exception {
    Path file = save(devnet.profile().toBuilder().name("pinned").build());
    Run first = verb("index", file);
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    // As if the devnet had been restarted: the database remembers another genesis.
    Path dbFile = new DataDir(data).database("pinned");
    try (Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dbFile);
        PreparedStatement ps =
            w.prepareStatement("UPDATE chain_identity SET genesis_hash = ? WHERE chain = 'root'")) {
      ps.setBytes(1, Hash32.of("0x" + "ab".repeat(32)).bytes());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    Run index = verb("index", file);
    assertThat(index.exit()).isNotZero();
    assertThat(index.err())
        .contains("different root chain with the same id (restarted devnet or fork)")
        .contains("move/delete " + dbFile.toAbsolutePath());
    Run status = verb("status", file);
    assertThat(status.exit()).isNotZero();
    assertThat(JSON.readTree(status.out()).path("health").asText())
        .contains("different root chain with the same id");
  }

  @Test
  void aDeadPrimaryWithAWorkingFallbackIsDegradedWithExitZero() throws Exception {
    URI dead = deadPort();
    NetworkProfile p =
        devnet.profile().toBuilder()
            .name("fallback")
            .rootRpcUrls(List.of(dead, devnet.rootNode().rpcUrl()))
            .build();
    Run status = verb("status", save(p));
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.path("health").asText()).isEqualTo("degraded");
    assertThat(status.exit()).isZero();
    JsonNode rpc = s.path("root").path("rpc");
    assertThat(rpc.get(0).path("ok").asBoolean()).isFalse();
    assertThat(rpc.get(0).path("error").asText()).contains(dead.toString());
    assertThat(rpc.get(1).path("ok").asBoolean()).isTrue();
    assertThat(s.path("root").path("head").asLong()).isPositive();
  }

  @Test
  void statusAnswersAndNamesANodeThatNeverAnswers() throws Exception {
    try (Hanging hanging = new Hanging()) {
      NetworkProfile p =
          devnet.profile().toBuilder().name("hanging").rootRpcUrls(List.of(hanging.url())).build();
      Run status = verb("status", save(p));
      assertThat(status.exit()).isNotZero();
      JsonNode s = JSON.readTree(status.out());
      assertThat(s.path("health").asText()).startsWith("rpc unreachable");
      assertThat(s.path("root").path("rpc").get(0).path("error").asText())
          .contains(hanging.url().toString());
      assertThat(s.path("child").path("rpc").get(0).path("ok").asBoolean()).isTrue();
      assertThat(hanging.accepted).isNotEmpty(); // it was asked, and never answered
    }
  }

  private static URI deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  /** Accepts every connection and never answers. */
  private static final class Hanging implements AutoCloseable {
    final ServerSocket server;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();

    Hanging() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(server.accept());
                  }
                } catch (IOException e) {
                  // closed
                }
              },
              "hanging-node");
      t.setDaemon(true);
      t.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
