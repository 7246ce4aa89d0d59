package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.MissingStateException;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh index against a root node without historical state (anvil --prune-history, as every
 * non-archive node for old blocks): the CheckpointManager's history cannot be read, and the index
 * stops loudly instead of reading the node's BlockOutOfRangeError as "no checkpoint yet" and
 * skipping every checkpoint before the head.
 */
@Tag("devnet")
class PrunedRootIndexTest {

  @TempDir Path work;

  @Test
  void aFreshIndexOnANodeWithoutHistoryStopsAndSaysWhatToConfigure() throws Exception {
    DevnetConfig cfg = DevnetConfig.defaults().toBuilder().rootPruned(true).build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      await("two checkpoints on the pruned root", () -> d.status().checkpoints() >= 2);
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(d.profile(), db, w, Duration.ofMillis(200))) {
        assertThatThrownBy(ix::catchUp)
            .isInstanceOf(MissingStateException.class)
            .hasMessageContaining(d.rootNode().rpcUrl().toString())
            .hasMessageContaining("has no historical state for block")
            .hasMessageContaining("configure an archive node for the root chain");
        assertNothingOfTheRootWritten(db);

        // Following, the indexer keeps saying so in its status and still writes nothing wrong.
        ix.start();
        await(
            "the root index status names the missing history",
            () ->
                ix.status(ChainRole.ROOT).lastError() != null
                    && ix.status(ChainRole.ROOT).lastError().contains("no historical state"));
        assertNothingOfTheRootWritten(db);
      }
    }
  }

  private static void assertNothingOfTheRootWritten(Database db) {
    Optional<Cursor> root = db.read(c -> new CursorDao(c).get(ChainRole.ROOT));
    long checkpoints = db.read(c -> new CheckpointDao(c).count());
    assertThat(root).as("root cursor").isEmpty();
    assertThat(checkpoints).as("checkpoints").isZero();
  }

  /** Waits until {@code done}; a bounded wait whose expiry fails the test with {@code what}. */
  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 90 s: " + what);
      }
      Thread.sleep(100);
    }
  }
}
