package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the indexer process at random moments, then restart: the database still equals the
 * chains. The indexer runs in a child JVM (the test's classpath, {@link IndexerMain}) that is
 * destroyed forcibly after a random delay while a devnet with traffic and bursts of hundreds of
 * state syncs and exits keeps it busy writing.
 */
@Tag("devnet")
class IndexerKillTest {

  private static final int KILLS = 12;

  @TempDir Path work;

  /**
   * Where the indexer writes: a SQLite file here; the PostgreSQL variant gives a team index URL.
   */
  String store() {
    return work.resolve("index.db").toString();
  }

  /** Opens {@link #store()} as its writer would. */
  Database open(String store) {
    return Database.open(Path.of(store));
  }

  /** Whether anything was written to {@code store} yet. */
  boolean exists(String store) {
    return Files.exists(Path.of(store));
  }

  @Test
  void killedAtRandomMomentsTheIndexStillEqualsTheChain() throws Exception {
    long seed = Long.getLong("bs.killSeed", System.nanoTime());
    System.out.println("IndexerKillTest seed " + seed + " (rerun with -Dbs.killSeed=" + seed + ")");
    Random rnd = new Random(seed);
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      Path profile = work.resolve("profile.json");
      NetworkProfileJson.write(d.profile(), profile);
      String dbFile = store();
      Address spammer = account(d, 6);
      List<String> runs = new ArrayList<>();
      int killedWhileRunning = 0;
      for (int i = 0; i < KILLS; i++) {
        if (i % 3 == 0) {
          // Fresh work for the next runs: a few blocks full of state syncs and exits.
          Bursts.syncStates(d.root(), d.contracts().stateSender(), spammer, 400, i);
          Bursts.syncStates(d.child(), d.contracts().l2StateSender(), spammer, 150, i);
        }
        Process p = startIndexer(profile, dbFile, work.resolve("indexer-" + i + ".log"));
        long delay = 100 + rnd.nextInt(3900);
        // The fault itself, not a wait for a result: the indexer is killed at a random moment of
        // its work (a sleep of a random length is how that moment is chosen).
        Thread.sleep(delay);
        if (p.isAlive()) {
          killedWhileRunning++;
        }
        p.destroyForcibly();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("killed indexer %d exits", i).isTrue();
        runs.add(delay + "ms->" + cursors(dbFile));
      }
      System.out.println("kill after / cursors (root, child): " + runs);
      assertThat(killedWhileRunning).as("indexers killed while running").isEqualTo(KILLS);
      Database db = open(dbFile); // on SQLite also runs the integrity check
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(d.profile(), db, w, Duration.ofMillis(100))) {
        ix.catchUp();
      }
      new ChainTruth(d.root(), d.child(), d.profile().contracts())
          .assertIndexEqualsChain(db, "after " + KILLS + " kills (seed " + seed + ")");
    }
  }

  /** Starts {@link IndexerMain} and waits until its indexer threads run. */
  private static Process startIndexer(Path profile, String db, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                IndexerMain.class.getName(),
                profile.toString(),
                db)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await("indexer process started")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Files.readString(log).contains(IndexerMain.READY) || !p.isAlive());
    } catch (ConditionTimeoutException e) {
      p.destroyForcibly();
      throw new AssertionError("indexer process did not start:\n" + Files.readString(log), e);
    }
    if (!p.isAlive()) {
      throw new AssertionError("indexer process died at start:\n" + Files.readString(log));
    }
    return p;
  }

  private String cursors(String dbFile) throws IOException {
    if (!exists(dbFile)) {
      return "no db";
    }
    Database db = open(dbFile);
    return db.read(
        c -> {
          CursorDao dao = new CursorDao(c);
          return dao.get(ChainRole.ROOT).map(x -> x.lastBlock()).orElse(-1L)
              + "/"
              + dao.get(ChainRole.CHILD).map(x -> x.lastBlock()).orElse(-1L);
        });
  }

  private static Address account(Devnet d, int i) {
    Object r = d.root().rpc("eth_accounts", List.of());
    return Address.of(((List<?>) r).get(i).toString());
  }
}
