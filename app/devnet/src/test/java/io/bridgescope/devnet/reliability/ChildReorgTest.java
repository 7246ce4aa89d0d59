package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.BlockHashRow;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reorgs of depth 1..10 on the child (anvil_reorg) under live traffic: after each, a catch-up
 * leaves the index equal to the new chain and to a fresh index of it. Runs against both stores at
 * once (a SQLite file and a team index on PostgreSQL, each with its own indexer) on one devnet.
 *
 * <p>anvil 1.7's anvil_reorg replaces the last {@code depth} blocks with empty ones and drops their
 * transactions (they are not put back in the pool; the senders' nonces roll back), so events of
 * dropped blocks are simply gone unless the devnet's loops send the same transaction again; the
 * assertions compare with the chain as it is, not with that expectation.
 */
@Tag("devnet")
class ChildReorgTest {

  private static final ChainTruth.Table[] CHILD_TABLES = {
    ChainTruth.Table.COMMITMENTS, ChainTruth.Table.STATE_SYNC_RESULTS, ChainTruth.Table.EXITS
  };

  @TempDir Path work;

  /** One store under test: its index, writer and indexer, and what the reorgs did to it. */
  private final class Tracked implements AutoCloseable {
    final TestStore store;
    final Database db;
    final StoreWriter writer;
    final Indexer ix;
    long indexedTo;
    int droppedSeen;
    int droppedGone;

    Tracked(TestStore store, Devnet d) {
      this.store = store;
      this.db = store.fresh(work, "index");
      this.writer = new StoreWriter(db, Clock.systemUTC());
      this.ix = new Indexer(d.profile(), db, writer, Duration.ofMillis(100));
    }

    @Override
    public void close() {
      try {
        ix.close();
      } finally {
        writer.close();
      }
    }
  }

  @Test
  void indexFollowsTheChildThroughReorgsOfDepthOneToTen() throws Exception {
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      await("2 commitments and an executed deposit")
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> d.status().commitments() >= 2 && d.status().syncsExecuted() >= 1);
      ChainTruth truth = new ChainTruth(d.root(), d.child(), d.profile().contracts());
      // both stores follow the same chain through the same reorgs (one devnet for both)
      try (Tracked sqlite = new Tracked(TestStore.SQLITE, d);
          Tracked pg = new Tracked(TestStore.POSTGRESQL, d)) {
        List<Tracked> stores = List.of(sqlite, pg);
        for (int depth = 1; depth <= 10; depth++) {
          long indexedTo = 0;
          for (Tracked s : stores) {
            s.ix.catchUp();
            s.indexedTo = ChainTruth.cursor(s.db, ChainRole.CHILD).lastBlock();
            indexedTo = Math.max(indexedTo, s.indexedTo);
          }
          d.reorgChild(depth);
          // On a loaded machine (stress-ng beside the suite) a read right after the reorg once
          // found the child below the indexed block ("has no block 23"): wait until the chain is
          // back at that height before comparing its blocks with the index.
          long height = indexedTo;
          await("child chain back at block " + height + " after the reorg")
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> d.child().blockNumber() >= height);
          for (Tracked s : stores) {
            checkAfterReorg(d, truth, s, depth);
          }
        }
        for (Tracked s : stores) {
          System.out.printf(
              "%s, reorgs 1..10: %d indexed rows were in replaced blocks, %d of them are gone%n",
              s.store, s.droppedSeen, s.droppedGone);
          assertThat(s.droppedGone)
              .as("%s: rows that reorgs removed (else nothing was tested)", s.store)
              .isPositive();
        }
      }
    }
  }

  /**
   * After a reorg: rows of replaced blocks are indexed iff the new chain has them, the index equals
   * the chain, and its child rows equal a fresh index's of the same store kind.
   */
  private void checkAfterReorg(Devnet d, ChainTruth truth, Tracked s, int depth) {
    Set<String> dropped = rowsOfReplacedBlocks(d, s.db, s.indexedTo);
    s.ix.catchUp();
    String when = s.store + ", after a reorg of depth " + depth;
    truth.assertIndexEqualsChain(s.db, when);
    Set<String> now = new HashSet<>();
    Set<String> onChain = new HashSet<>();
    long upTo = ChainTruth.cursor(s.db, ChainRole.CHILD).lastBlock();
    for (ChainTruth.Table t : CHILD_TABLES) {
      now.addAll(ChainTruth.rowKeys(s.db, t));
      onChain.addAll(truth.logKeys(t, upTo));
    }
    for (String k : dropped) {
      assertThat(now.contains(k))
          .as("%s: row %s of a replaced block is indexed iff the new chain has it", when, k)
          .isEqualTo(onChain.contains(k));
      s.droppedGone += now.contains(k) ? 0 : 1;
    }
    s.droppedSeen += dropped.size();
    assertEqualsFreshIndex(d, s, depth);
  }

  /**
   * Keys of indexed child rows whose block the chain has replaced, found by the hashes the indexer
   * kept for recent blocks (every row of the last {@code confirmations} blocks has one).
   */
  private static Set<String> rowsOfReplacedBlocks(Devnet d, Database db, long indexedTo) {
    Set<String> out = new HashSet<>();
    for (ChainTruth.Table t : CHILD_TABLES) {
      for (String k : ChainTruth.rowKeys(db, t)) {
        long block = Long.parseLong(k.substring(0, k.indexOf(':')));
        if (block > indexedTo) {
          continue;
        }
        Optional<BlockHashRow> kept =
            db.read(c -> new CursorDao(c).blockHash(ChainRole.CHILD, block));
        if (kept.isPresent()
            && !Hash32.of(d.child().block(block).getHash()).equals(kept.get().hash())) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** Every column of every child row equals what a fresh index of the same chain holds. */
  private void assertEqualsFreshIndex(Devnet d, Tracked s, int depth) {
    Database db = s.db;
    Database fresh = s.store.fresh(work, "fresh-" + depth);
    try (StoreWriter w = new StoreWriter(fresh, Clock.systemUTC());
        Indexer ix = new Indexer(d.profile(), fresh, w, Duration.ofMillis(100))) {
      ix.catchUp();
    }
    long upTo =
        Math.min(
            ChainTruth.cursor(db, ChainRole.CHILD).lastBlock(),
            ChainTruth.cursor(fresh, ChainRole.CHILD).lastBlock());
    List<String> mine = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (ChainTruth.Table t : CHILD_TABLES) {
      mine.addAll(ChainTruth.fullRows(db, t.name, upTo));
      theirs.addAll(ChainTruth.fullRows(fresh, t.name, upTo));
    }
    assertThat(mine)
        .as(
            "%s, after a reorg of depth %d: child rows up to block %d vs a fresh index",
            s.store, depth, upTo)
        .containsExactlyElementsOf(theirs);
  }
}
