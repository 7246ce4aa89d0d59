package io.bridgescope.devnet.reliability;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The indexer as a separate process, for {@link IndexerKillTest}: indexes the profile in {@code
 * args[0]} into the database {@code args[1]} until it is killed. Prints {@value #READY} once the
 * indexer threads run.
 */
public final class IndexerMain {

  static final String READY = "INDEXER-RUNNING";

  private IndexerMain() {}

  public static void main(String[] args) throws Exception {
    NetworkProfile profile = NetworkProfileJson.read(Path.of(args[0]));
    Database db = Database.open(Path.of(args[1]));
    StoreWriter writer = new StoreWriter(db, Clock.systemUTC());
    Indexer indexer = new Indexer(profile, db, writer, Duration.ofMillis(50));
    indexer.start();
    System.out.println(READY);
    System.out.flush();
    new CountDownLatch(1).await(); // until kill -9
  }
}
