package io.bridgescope.devnet.reliability;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The indexer as a separate process, for {@link IndexerKillTest}: indexes the profile in {@code
 * args[0]} into the database {@code args[1]} (a SQLite file or a team index URL; there it waits for
 * the killed writer's lock to be freed) until it is killed. Prints {@value #READY} once the indexer
 * threads run.
 */
public final class IndexerMain {

  static final String READY = "INDEXER-RUNNING";

  private IndexerMain() {}

  public static void main(String[] args) throws Exception {
    NetworkProfile profile = NetworkProfileJson.read(Path.of(args[0]));
    Database db =
        PgTarget.isUrl(args[1])
            ? Database.openPostgres(PgTarget.parse(args[1], Map.of()), Map.of(), true, true)
            : Database.open(Path.of(args[1]));
    StoreWriter writer = new StoreWriter(db, Clock.systemUTC());
    Indexer indexer = new Indexer(profile, db, writer, Duration.ofMillis(50));
    indexer.start();
    System.out.println(READY);
    System.out.flush();
    new CountDownLatch(1).await(); // until kill -9
  }
}
