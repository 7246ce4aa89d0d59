package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Cursor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The JSON contract of every verb (README.md, "CLI JSON"), without a node: each verb that has
 * {@code --json} answers a failure with exactly one {@code {"error": {code, message}}} document on
 * stdout and a non-zero exit, and the verbs that need no node answer success with one document. The
 * success of the others is checked against a real devnet in {@link JsonContractDevnetTest}.
 */
class JsonContractTest {

  static final String ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  static final String KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String PASSWORD = "json-contract-password";

  /** Verbs whose success {@link #keysAndIndexReadersAnswerSuccessWithOneDocument} checks. */
  static final List<String> SUCCESS_WITHOUT_NODE =
      List.of(
          "keys create",
          "keys import",
          "keys list",
          "keys rename",
          "keys export",
          "keys delete",
          "networks import",
          "networks list",
          "networks show",
          "deposits",
          "exits",
          "verify");

  @TempDir Path dir;
  Path data;
  Path pw;

  @BeforeEach
  void dataDirectory() throws IOException {
    data = dir.resolve("data");
    saveProfile("deadnet", closedPort());
    Files.createDirectories(data.resolve("networks"));
    Files.writeString(
        data.resolve("networks/broken.json"), "{\"format\": 1, \"name\": \"broken\"}");
    pw = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");
  }

  /** A port nothing listens on: the node is down. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  void saveProfile(String name, int port) throws IOException {
    Files.createDirectories(data.resolve("networks"));
    Files.writeString(
        data.resolve("networks/" + name + ".json"),
        """
        {"format": 1, "name": "%s",
         "root": {"chainId": 31337, "rpcUrls": ["http://127.0.0.1:%d"], "startBlock": 0},
         "child": {"chainId": 31338, "rpcUrls": ["http://127.0.0.1:%d"], "startBlock": 0},
         "contracts": {
           "stateSender": "0x6fe03c2768c9d800aa3d9e6ff5e1e6d0d6dc5d0a",
           "checkpointManager": "0x3d46a809d5767b81a8836f0e79145ba615a2dd61",
           "exitHelper": "0x947a581b2713f58a8145201da41bcb6aae90196b",
           "rootErc20Predicate": "0x1af6ae0d7e7d2a3e8fa1d3ee9e81a8f2d7c1b7c5",
           "stateReceiver": "0x0000000000000000000000000000000000001001",
           "l2StateSender": "0x0000000000000000000000000000000000001002",
           "childErc20Predicate": "0x0000000000000000000000000000000000001004",
           "validatorSet": "0x0000000000000000000000000000000000000101"},
         "epochSize": 10, "blsScheme": "bn254-edge", "confirmations": 0}
        """
            .formatted(name, port, port));
  }

  CliRun.Result json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    all.add("--data-dir");
    all.add(data.toString());
    return CliRun.run(all.toArray(String[]::new));
  }

  /** A failing invocation of every verb with --json, and the error code it must give. */
  Map<String, Object[]> failures() {
    String missing = dir.resolve("missing.json").toString();
    Map<String, Object[]> m = new LinkedHashMap<>();
    m.put("index", new Object[] {"network_not_found", "index", "-n", "nowhere"});
    m.put("status", new Object[] {"network_not_found", "status", "-n", "nowhere"});
    m.put(
        "deposits",
        new Object[] {"invalid_argument", "deposits", "-n", "deadnet", "--address", "0x12"});
    m.put("exits", new Object[] {"network_not_found", "exits", "-n", missing});
    m.put("commitment", new Object[] {"not_indexed", "commitment", "7", "-n", "deadnet"});
    m.put("checkpoint", new Object[] {"not_indexed", "checkpoint", "3", "-n", "deadnet"});
    m.put(
        "proof",
        new Object[] {"proof_not_indexed", "proof", "exit", "5", "--offline", "-n", "deadnet"});
    m.put("verify", new Object[] {"network_config", "verify", "-n", "broken"});
    m.put("networks import", new Object[] {null, "networks", "import", missing});
    m.put("networks list", new Object[] {"usage", "networks", "list", "--limit", "3"});
    m.put("networks show", new Object[] {"network_not_found", "networks", "show", "nowhere"});
    m.put("keys create", new Object[] {"invalid_argument", "keys", "create", "k1"});
    m.put("keys import", new Object[] {"invalid_argument", "keys", "import", "k1"});
    m.put("keys list", new Object[] {"usage", "keys", "list", "--limit", "3"});
    m.put("keys rename", new Object[] {"keystore_not_found", "keys", "rename", "nope", "k2"});
    m.put("keys export", new Object[] {"keystore_not_found", "keys", "export", "nope", missing});
    m.put("keys delete", new Object[] {"keystore_not_found", "keys", "delete", "nope"});
    m.put(
        "withdraw",
        new Object[] {
          "network_not_found", "withdraw", "--token", ADDRESS, "--amount", "1", "-n", "nowhere"
        });
    m.put("exit", new Object[] {"network_not_found", "exit", "list", "-n", "nowhere"});
    m.put(
        "deposit",
        new Object[] {
          "network_not_found", "deposit", "--token", ADDRESS, "--amount", "1", "-n", "nowhere"
        });
    m.put("self-execute", new Object[] {"usage", "self-execute", "1", "-n", "deadnet"});
    m.put(
        "tx export",
        new Object[] {
          "network_not_found",
          "tx",
          "export",
          "--from",
          ADDRESS,
          "--exit",
          "1",
          "--out",
          missing,
          "-n",
          "nowhere"
        });
    m.put("tx sign", new Object[] {null, "tx", "sign", "--file", missing, "--key", "k1"});
    m.put("tx send", new Object[] {null, "tx", "send", "--file", missing});
    m.put("tx resume", new Object[] {"network_not_found", "tx", "resume", "-n", "nowhere"});
    m.put("tx list", new Object[] {"network_not_found", "tx", "list", "-n", "nowhere"});
    return m;
  }

  @Test
  void everyVerbAnswersAFailureWithOneErrorDocument() {
    Map<String, Object[]> cases = failures();
    assertThat(cases.keySet())
        .as("a failure case for every verb with --json (a new verb needs one here)")
        .containsExactlyInAnyOrderElementsOf(CliRun.jsonVerbs());
    for (var c : cases.entrySet()) {
      Object[] spec = c.getValue();
      String[] args = new String[spec.length - 1];
      for (int i = 1; i < spec.length; i++) {
        args[i - 1] = spec[i].toString();
      }
      CliRun.Result r = json(args).noStackTrace();
      JsonNode e = r.error();
      if (spec[0] != null) {
        assertThat(e.path("code").asText()).as(c.getKey() + ": " + e).isEqualTo(spec[0]);
      }
    }
  }

  @Test
  void everyVerbAnswersBadArgumentsWithAUsageErrorDocument() {
    for (String verb : CliRun.jsonVerbs()) {
      List<String> args = new ArrayList<>(List.of(verb.split(" ")));
      args.add("--no-such-option");
      CliRun.Result r = json(args.toArray(String[]::new)).noStackTrace();
      assertThat(r.error().path("code").asText()).as(verb).isEqualTo("usage");
      assertThat(r.exit()).as(verb).isEqualTo(2);
    }
    // also a verb that has no --json at all
    assertThat(json("demo").error().path("message").asText()).contains("--json");
  }

  @Test
  void keysAndIndexReadersAnswerSuccessWithOneDocument() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
    JsonNode imported =
        ok(
            json(
                "keys",
                "import",
                "alice",
                "--key-file",
                keyFile.toString(),
                "--password-file",
                pw.toString()));
    assertThat(imported.path("imported").path("address").asText()).isEqualTo(ADDRESS);
    JsonNode created = ok(json("keys", "create", "bob", "--password-file", pw.toString()));
    assertThat(created.path("created").path("name").asText()).isEqualTo("bob");
    assertThat(ok(json("keys", "rename", "bob", "carol")).path("renamed").path("name").asText())
        .isEqualTo("carol");
    Path backup = dir.resolve("backup.json");
    assertThat(
            ok(json("keys", "export", "alice", backup.toString()))
                .path("exported")
                .path("to")
                .asText())
        .isEqualTo(backup.toString());
    JsonNode list = ok(json("keys", "list"));
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    assertThat(ok(json("keys", "delete", "carol", "--yes")).path("deleted").path("name").asText())
        .isEqualTo("carol");

    assertThat(ok(json("deposits", "-n", "deadnet")).isArray()).isTrue();
    assertThat(ok(json("exits", "-n", "deadnet")).isArray()).isTrue();
    JsonNode verify = ok(json("verify", "-n", "deadnet"));
    assertThat(verify.has("commitments")).isTrue();
    assertThat(verify.path("verifiedThisRun").asInt()).isZero();
  }

  private static JsonNode ok(CliRun.Result r) {
    JsonNode doc = r.noStackTrace().json();
    assertThat(r.exit()).as("exit of %s, stderr: %s", doc, r.err()).isZero();
    assertThat(doc.has("error")).as(doc.toString()).isFalse();
    return doc;
  }

  @Test
  void aConfirmationNotGivenIsAnErrorDocumentWithExit2() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
    ok(
        json(
            "keys",
            "import",
            "alice",
            "--key-file",
            keyFile.toString(),
            "--password-file",
            pw.toString()));
    CliRun.Result r = json("keys", "delete", "alice");
    assertThat(r.error().path("code").asText()).isEqualTo("confirmation_required");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void networksVerbsAnswerWithOneDocument() throws IOException {
    Path genesis = dir.resolve("genesis.json");
    try (var in = JsonContractTest.class.getResourceAsStream("/genesis/chain-games-69421.json")) {
      Files.copy(in, genesis);
    }
    JsonNode imported =
        ok(
            json(
                "networks",
                "import",
                genesis.toString(),
                "--root-rpc",
                "http://127.0.0.1:9",
                "--child-rpc",
                "http://127.0.0.1:9",
                "--root-chain-id",
                "137",
                "--name",
                "team-net"));
    assertThat(imported.path("name").asText()).isEqualTo("team-net");
    JsonNode list = ok(json("networks", "list"));
    assertThat(list.findValuesAsText("name")).contains("team-net");
    JsonNode shown = ok(json("networks", "show", "team-net"));
    assertThat(shown.path("name").asText()).isEqualTo("team-net");
  }

  @Test
  void usageHelpWithJsonIsADocumentToo() {
    CliRun.Result r = json("status", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.json().path("help").asText()).contains("Usage:").contains("--json");
  }

  @Test
  void withoutJsonAnErrorIsOneLineOnStderrAndNothingOnStdout() {
    CliRun.Result r = CliRun.run("status", "-n", "nowhere", "--data-dir", data.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("bridgescope: network 'nowhere': no profile at");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aVerbThatForgetsItsDocumentIsReportedNotSilent() {
    CliRun.Result r =
        CliRun.run(cl -> cl.addSubcommand("forgetful", new Forgetful()), "forgetful", "--json");
    assertThat(r.error().path("code").asText()).isEqualTo("no_json_output");
    assertThat(r.exit()).isEqualTo(70);
    assertThat(r.err()).contains("some text");
  }

  @Command(name = "forgetful")
  static final class Forgetful implements Callable<Integer> {
    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
      System.out.println("some text");
      return 0;
    }
  }

  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    @Option(names = "--json")
    boolean json;

    final RuntimeException failure;

    Fails(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  /**
   * A real SQLITE_FULL: the writer's connection may grow the file by two pages only ({@code
   * max_page_count}), and a large write then fails exactly as on a full disk.
   */
  StoreException diskFull() throws Exception {
    Database db = Database.open(dir.resolve("full/index.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.call(
              c -> {
                try (var s = c.createStatement()) {
                  s.execute("CREATE TABLE filler (x BLOB)");
                }
                return null;
              })
          .get();
      w.call(
              c -> {
                try (var s = c.createStatement();
                    var rs = s.executeQuery("PRAGMA page_count")) {
                  rs.next();
                  s.execute("PRAGMA max_page_count = " + (rs.getLong(1) + 2));
                }
                return null;
              })
          .get();
      w.call(
              c -> {
                try (var s = c.createStatement()) {
                  s.execute(
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                          + " INSERT INTO filler SELECT randomblob(1000) FROM n");
                }
                return null;
              })
          .get();
      throw new AssertionError("the write should have met SQLITE_FULL");
    } catch (ExecutionException e) {
      return (StoreException) e.getCause();
    }
  }

  @Test
  void aFullDiskIsOneClearMessageWithoutAStackTrace() throws Exception {
    StoreException full = diskFull();
    assertThat(full.reason()).isEqualTo(StoreException.Reason.FULL);

    CliRun.Result text = CliRun.run(cl -> cl.addSubcommand("fails", new Fails(full)), "fails");
    text.noStackTrace();
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.err())
        .startsWith(
            "bridgescope: The disk holding " + dir.resolve("full").toAbsolutePath() + " is full")
        .contains("Free some space there and run again")
        .contains("Nothing stored was lost: the last write was rolled back whole")
        .doesNotContain("at io.bridgescope")
        .doesNotContain("Exception");

    CliRun.Result json =
        CliRun.run(cl -> cl.addSubcommand("fails", new Fails(full)), "fails", "--json");
    JsonNode e = json.noStackTrace().error();
    assertThat(e.path("code").asText()).isEqualTo("store_full");
    assertThat(e.path("message").asText()).contains("is full");
  }

  @Test
  void aRemovedWriteAheadLogIsExplainedByTheVerbThatMeetsIt() throws Exception {
    // a demo (here: this writer) holds the devnet database open while the -wal file is deleted
    Path file = new DataDir(data).database("deadnet");
    Database db = Database.open(file);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.call(
              c -> {
                new CursorDao(c).save(new Cursor(ChainRole.ROOT, 7, Hash32.ZERO), Instant.now());
                return null;
              })
          .get();
      Files.delete(Path.of(file.toAbsolutePath() + "-wal"));

      JsonNode e = json("deposits", "-n", "deadnet").noStackTrace().error();
      assertThat(e.path("code").asText()).isEqualTo("store_wal_lost");
      CliRun.Result text = CliRun.run("deposits", "-n", "deadnet", "--data-dir", data.toString());
      text.noStackTrace();
      assertThat(text.exit()).isEqualTo(1);
      assertThat(text.err())
          .contains("index.db-wal was removed")
          .contains("Stop every Bridgescope that uses")
          .contains("run `bridgescope index` to rebuild it from the chains")
          .doesNotContain("disk I/O error");
    }
  }

  @Test
  void statusSaysTheDemoThatRanTheDevnetHasStopped() throws Exception {
    saveProfile("devnet", closedPort());
    // the demo's JVM, killed: a process that ran and is gone
    Process demo = new ProcessBuilder("sleep", "60").start();
    Instant started = demo.info().startInstant().orElse(null);
    demo.destroyForcibly().waitFor();
    new DevnetOwner(demo.pid(), started, "`bridgescope demo`").save(new DataDir(data), "devnet");

    CliRun.Result r = json("status");
    JsonNode doc = r.json();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(doc.path("devnet").path("running").asBoolean()).isFalse();
    assertThat(doc.path("devnet").path("pid").asLong()).isEqualTo(demo.pid());
    String expected =
        "the devnet (started by `bridgescope demo`, pid "
            + demo.pid()
            + ") has stopped; start it again with ./bridgescope demo";
    assertThat(doc.path("devnet").path("message").asText()).isEqualTo(expected);
    assertThat(doc.path("root").path("rpc").get(0).path("ok").asBoolean()).isFalse();

    CliRun.Result text = CliRun.run("status", "--data-dir", data.toString());
    assertThat(text.out()).contains(expected);

    // while the demo runs, nothing is said
    DevnetOwner.current("`bridgescope demo`").save(new DataDir(data), "devnet");
    JsonNode running = json("status").json();
    assertThat(running.path("devnet").path("running").asBoolean()).isTrue();
    assertThat(running.path("devnet").has("message")).isFalse();
  }

  @Test
  void theTextOfAnIndexStepShowsTheStoredPositionWhileTheNodeIsDown() {
    IndexStatus down =
        new IndexStatus(ChainRole.ROOT, 120, -1, "connection refused", Instant.now(), List.of());
    assertThat(IndexCommand.text(down))
        .isEqualTo("root  indexed to 120 (stored), head unknown  (retrying: connection refused)");
    IndexStatus empty =
        new IndexStatus(ChainRole.CHILD, -1, -1, "refused", Instant.now(), List.of());
    assertThat(IndexCommand.text(empty)).doesNotContain("-1");
    IndexStatus up = new IndexStatus(ChainRole.ROOT, 120, 130, null, null, List.of());
    assertThat(IndexCommand.text(up)).isEqualTo("root  indexed to 120 of 130");
  }

  @Test
  void indexFollowAgainstADeadNodeStreamsJsonLinesWithTheStoredPosition() throws Exception {
    Database db = Database.open(new DataDir(data).database("deadnet"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.call(
              c -> {
                new CursorDao(c).save(new Cursor(ChainRole.ROOT, 120, Hash32.ZERO), Instant.now());
                new CursorDao(c).save(new Cursor(ChainRole.CHILD, 345, Hash32.ZERO), Instant.now());
                return null;
              })
          .get();
    }
    Lines stdout = new Lines();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    Thread follow =
        new Thread(
            () ->
                Main.run(
                    "index", "--follow", "--json", "-n", "deadnet", "--data-dir", data.toString()),
            "index-follow");
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    try {
      follow.start();
      // each chain's indexer reports once it has given up on the node for this round
      while (seen.size() < 2) {
        String line = stdout.lines.poll(120, TimeUnit.SECONDS);
        assertThat(line).as("a JSON line from index --follow").isNotNull();
        JsonNode o = CliRun.MAPPER.readTree(line);
        assertThat(line).doesNotContain("\n");
        seen.put(o.path("chain").asText(), o);
      }
    } finally {
      follow.interrupt();
      follow.join(30_000);
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertThat(follow.isAlive()).isFalse();
    assertThat(seen.get("root").path("indexedTo").asLong()).isEqualTo(120);
    assertThat(seen.get("child").path("indexedTo").asLong()).isEqualTo(345);
    for (JsonNode o : seen.values()) {
      assertThat(o.path("head").isNull()).as(o.toString()).isTrue();
      assertThat(o.path("lag").isNull()).isTrue();
      assertThat(o.path("error").asText()).isNotBlank();
    }
  }

  /** An output stream that hands over each complete line. */
  static final class Lines extends OutputStream {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(current.toString(StandardCharsets.UTF_8));
        current.reset();
      } else {
        current.write(b);
      }
    }
  }
}
