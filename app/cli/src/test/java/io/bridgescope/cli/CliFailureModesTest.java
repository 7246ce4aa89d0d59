package io.bridgescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bridgescope.cli.JsonContractTest.Fails;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI says when the store or the node fails under it (README.md, "CLI JSON"): a full disk,
 * a removed write-ahead log, a devnet whose demo has stopped, and {@code index --follow} against a
 * dead node. Each is one clear message (or one JSON document) and never a stack trace.
 */
class CliFailureModesTest {

  @TempDir Path dir;
  Path data;

  @BeforeEach
  void dataDirectory() throws IOException {
    data = dir.resolve("data");
    JsonContractTest.saveProfile(data, "deadnet", JsonContractTest.closedPort());
  }

  CliRun.Result json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    all.add("--data-dir");
    all.add(data.toString());
    return CliRun.run(all.toArray(String[]::new));
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
    JsonContractTest.saveProfile(data, "devnet", JsonContractTest.closedPort());
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
