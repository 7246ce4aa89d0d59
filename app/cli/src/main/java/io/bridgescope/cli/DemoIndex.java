package io.bridgescope.cli;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.devnet.Devnet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the demo runs, its devnet is indexed into the data directory and its profile saved as
 * {@code devnet}, so {@code ./bridgescope status} and friends work from another terminal. Each demo
 * is a new chain, so the previous devnet database is discarded first.
 */
final class DemoIndex implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIndex.class);

  private final DataDir dataDir;
  private final NetworkProfile profile;
  private final StoreWriter writer;
  private final Indexer indexer;
  private final ScheduledExecutorService verifierThread;
  private volatile @Nullable Map<VerdictStatus, Long> verdicts;

  private DemoIndex(
      DataDir dataDir,
      NetworkProfile profile,
      StoreWriter writer,
      Indexer indexer,
      Verifier verifier,
      Database database) {
    this.dataDir = dataDir;
    this.profile = profile;
    this.writer = writer;
    this.indexer = indexer;
    this.verifierThread = Threads.scheduled("bridgescope-verifier");
    // Verifies what the indexer added; pending verdicts (the other chain not indexed yet) are
    // retried on the next round.
    verifierThread.scheduleWithFixedDelay(
        () -> {
          try {
            verifier.verifyPending();
            verdicts = totals(database);
          } catch (RuntimeException e) {
            LOG.warn("verifier: {}", e.getMessage());
          }
        },
        2,
        2,
        TimeUnit.SECONDS);
  }

  static DemoIndex start(Devnet devnet, DataDir dataDir, PrintStream out) throws IOException {
    NetworkProfile p = devnet.profile();
    Path db = dataDir.database(p.name());
    Files.createDirectories(db.getParent());
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
    dataDir.saveProfile(p);
    // if this process is killed, the profile stays behind: `status` then says the devnet stopped
    DevnetOwner.current("`bridgescope demo`").save(dataDir, p.name());
    Database database = Database.open(db);
    StoreWriter w = new StoreWriter(database, Clock.systemUTC());
    Indexer ix = new Indexer(p, database, w, Duration.ofMillis(500));
    ix.start();
    out.println("devnet: indexing into " + db + " (try: ./bridgescope status)");
    return new DemoIndex(dataDir, p, w, ix, Verifier.forProfile(p, database, w), database);
  }

  String lagText() {
    IndexStatus r = indexer.status(ChainRole.ROOT);
    IndexStatus c = indexer.status(ChainRole.CHILD);
    String err = r.lastError() != null ? r.lastError() : c.lastError();
    Map<VerdictStatus, Long> v = verdicts;
    String verified = "";
    if (v != null) {
      long ok = v.getOrDefault(VerdictStatus.VERIFIED, 0L);
      long pending = v.getOrDefault(VerdictStatus.PENDING, 0L);
      long all = v.values().stream().mapToLong(Long::longValue).sum();
      verified =
          " | verified " + ok + ", pending " + pending + ", problems " + (all - ok - pending);
    }
    return String.format(
        " | %d/%d%s%s", r.lag(), c.lag(), verified, err == null ? "" : " (" + err + ")");
  }

  /** Verdicts in the database by status, commitments and checkpoints together. */
  static Map<VerdictStatus, Long> totals(Database db) {
    Map<VerdictStatus, Long> m = new EnumMap<>(VerdictStatus.class);
    for (VerdictKind k : VerdictKind.values()) {
      db.read(c -> new VerdictDao(c).countsByStatus(k)).forEach((s, n) -> m.merge(s, n, Long::sum));
    }
    return m;
  }

  @Override
  public void close() {
    verifierThread.shutdownNow();
    try {
      verifierThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    indexer.close();
    writer.close();
    try {
      Files.deleteIfExists(dataDir.profileFile(profile.name()));
      DevnetOwner.clear(dataDir, profile.name());
    } catch (IOException e) {
      // the profile points at chains that are gone; status will say the RPC is unreachable
    }
  }
}
