package io.bridgescope.cli;

import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * While the demo runs, its devnet is indexed into the data directory and its profile saved as
 * {@code devnet}, so {@code ./bridgescope status} and friends work from another terminal. Each demo
 * is a new chain, so the previous devnet database is discarded first.
 */
final class DemoIndex implements AutoCloseable {

  private final DataDir dataDir;
  private final NetworkProfile profile;
  private final StoreWriter writer;
  private final Indexer indexer;

  private DemoIndex(DataDir dataDir, NetworkProfile profile, StoreWriter writer, Indexer indexer) {
    this.dataDir = dataDir;
    this.profile = profile;
    this.writer = writer;
    this.indexer = indexer;
  }

  static DemoIndex start(Devnet devnet, DataDir dataDir, PrintStream out) throws IOException {
    NetworkProfile p = devnet.profile();
    Path db = dataDir.database(p.name());
    Files.createDirectories(db.getParent());
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
    dataDir.saveProfile(p);
    Database database = Database.open(db);
    StoreWriter w = new StoreWriter(database, Clock.systemUTC());
    Indexer ix = new Indexer(p, database, w, Duration.ofMillis(500));
    ix.start();
    out.println("devnet: indexing into " + db + " (try: ./bridgescope status)");
    return new DemoIndex(dataDir, p, w, ix);
  }

  String lagText() {
    IndexStatus r = indexer.status(ChainRole.ROOT);
    IndexStatus c = indexer.status(ChainRole.CHILD);
    String err = r.lastError() != null ? r.lastError() : c.lastError();
    return String.format(" | %d/%d%s", r.lag(), c.lag(), err == null ? "" : " (" + err + ")");
  }

  @Override
  public void close() {
    indexer.close();
    writer.close();
    try {
      Files.deleteIfExists(dataDir.profileFile(profile.name()));
    } catch (IOException e) {
      // the profile points at chains that are gone; status will say the RPC is unreachable
    }
  }
}
