package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.Reorgs;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One devnet run indexed into SQLite and into a team index on a real PostgreSQL server: both end
 * with equal rows in every indexer table (all columns but the local clock's), and both equal the
 * chains.
 */
@Tag("devnet")
class TwoStoresDevnetTest {

  /**
   * The indexer's tables. Not block_hashes, the reorg window, which keeps the last blocks before
   * each store's own furthest block; nor the wallet's (journal, watches, settings), which stay
   * local and are empty here.
   */
  static final List<String> TABLES =
      List.of(
          "chain_cursor",
          "chain_identity",
          "state_syncs",
          "commitments",
          "state_sync_results",
          "exits",
          "checkpoints",
          "exit_results",
          "validator_sets",
          "verdicts",
          "epochs",
          "submission_reverts",
          "asset_payloads",
          "asset_items",
          "token_mappings",
          "token_metadata");

  /** Columns holding the indexing machine's clock, which differs between two runs. */
  static final Set<String> LOCAL_CLOCK =
      Set.of("updated_at", "pinned_at", "verified_at", "read_at");

  @TempDir Path work;

  @Test
  void oneDevnetRunIndexedIntoBothStoresGivesEqualRows() throws Exception {
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      Address spammer =
          Address.of(((List<?>) d.root().rpc("eth_accounts", List.of())).get(6).toString());
      Bursts.syncStates(d.root(), d.contracts().stateSender(), spammer, 300, 1);
      Bursts.syncStates(d.child(), d.contracts().l2StateSender(), spammer, 120, 1);
      Database lite = Database.open(work.resolve("index.db"));
      Database pg = DevnetPg.open(DevnetPg.freshUrl());
      catchUp(d, lite);
      catchUp(d, pg);
      Map<String, List<String>> liteRows = lite.read(TwoStoresDevnetTest::dump);
      Map<String, List<String>> pgRows = pg.read(TwoStoresDevnetTest::dump);
      assertThat(liteRows.get("state_syncs")).hasSizeGreaterThanOrEqualTo(300);
      assertThat(liteRows.get("exits")).hasSizeGreaterThanOrEqualTo(120);
      // The devnet keeps mining while the second store indexes: the one that got further is
      // rewound (the indexer's own reorg rewind) to the block the other reached, per chain.
      for (ChainRole chain : ChainRole.values()) {
        Cursor a = cursor(lite, chain);
        Cursor b = cursor(pg, chain);
        Cursor lower = a.lastBlock() <= b.lastBlock() ? a : b;
        rewind(lite, lower);
        rewind(pg, lower);
      }
      liteRows = lite.read(TwoStoresDevnetTest::dump);
      pgRows = pg.read(TwoStoresDevnetTest::dump);
      for (String table : TABLES) {
        assertThat(pgRows.get(table)).as(table).isEqualTo(liteRows.get(table));
      }
      ChainTruth truth = new ChainTruth(d.root(), d.child(), d.profile().contracts());
      truth.assertIndexEqualsChain(lite, "SQLite");
      truth.assertIndexEqualsChain(pg, "PostgreSQL");
    }
  }

  private static Cursor cursor(Database db, ChainRole chain) {
    return db.read(c -> new CursorDao(c).get(chain)).orElseThrow();
  }

  private static void rewind(Database db, Cursor to) throws Exception {
    if (cursor(db, to.chain()).lastBlock() == to.lastBlock()) {
      return;
    }
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(Batch.advancing(to, List.of(Reorgs.rewind(to.chain(), to.lastBlock())))).get();
    }
  }

  private static void catchUp(Devnet d, Database db) {
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(d.profile(), db, w, Duration.ofMillis(100))) {
      ix.catchUp();
    }
  }

  /** Every row of every indexer table as text, sorted: bytes in hex, numbers in decimal. */
  static Map<String, List<String>> dump(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : TABLES) {
      List<String> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String col = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
            if (LOCAL_CLOCK.contains(col)) {
              continue;
            }
            Object v = rs.getObject(i);
            String text =
                v == null
                    ? "NULL"
                    : v instanceof byte[] bytes
                        ? Hex.encode(bytes)
                        : v instanceof Number n ? Long.toString(n.longValue()) : v.toString();
            b.append(col).append('=').append(text).append(' ');
          }
          rows.add(b.toString());
        }
      }
      rows.sort(null);
      out.put(table, rows);
    }
    return out;
  }
}
