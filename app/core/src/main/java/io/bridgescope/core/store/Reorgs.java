package io.bridgescope.core.store;

import io.bridgescope.core.network.ChainRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Undoes indexing above a block after a reorg: every indexer row carries the block it was read
 * from, so a rewind is one DELETE per table of that chain. Submit it with the new cursor in one
 * batch: {@code Batch.advancing(cursorAtFork, List.of(Reorgs.rewind(chain, forkBlock)))}.
 */
public final class Reorgs {

  private static final Map<ChainRole, List<String>> EVENT_TABLES =
      Map.of(
          ChainRole.ROOT,
          List.of("state_syncs", "checkpoints", "submission_reverts", "exit_results"),
          ChainRole.CHILD,
          List.of("commitments", "state_sync_results", "exits", "epochs", "token_mappings"));

  private Reorgs() {}

  /** The rewind as a batch op. */
  public static WriteOp rewind(ChainRole chain, long toBlock) {
    return c -> rewind(c, chain, toBlock);
  }

  /**
   * Deletes the rows of {@code chain} read from blocks above {@code toBlock}, and the verdicts that
   * relied on them; returns the number deleted per table.
   */
  public static Map<String, Integer> rewind(Connection c, ChainRole chain, long toBlock)
      throws SQLException {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    // Verdicts on the other chain that were computed from rows about to go: a commitment's root
    // is rebuilt from root state syncs, a checkpoint's event root from child exits.
    String dependent =
        chain == ChainRole.ROOT
            ? "DELETE FROM verdicts WHERE kind = 'commitment' AND subject_tx IN"
                + " (SELECT tx_hash FROM commitments WHERE end_id >="
                + " (SELECT min(id) FROM state_syncs WHERE block_number > ?1))"
            : "DELETE FROM verdicts WHERE kind = 'checkpoint' AND subject_tx IN"
                + " (SELECT submit_tx FROM checkpoints WHERE checkpoint_block > ?1)";
    int dependentCount = Sql.update(c, dependent, ps -> ps.setLong(1, toBlock));
    // A message's decoded payload goes with it (asset_payloads has no block of its own).
    String messages = chain == ChainRole.ROOT ? "state_syncs" : "exits";
    String direction = chain == ChainRole.ROOT ? "to_child" : "to_root";
    for (String table : List.of("asset_items", "asset_payloads")) {
      deleted.put(
          table,
          Sql.update(
              c,
              "DELETE FROM "
                  + table
                  + " WHERE direction = ? AND id IN (SELECT id FROM "
                  + messages
                  + " WHERE block_number > ?)",
              ps -> {
                ps.setString(1, direction);
                ps.setLong(2, toBlock);
              }));
    }
    for (String table : Objects.requireNonNull(EVENT_TABLES.get(chain))) {
      deleted.put(
          table,
          Sql.update(
              c, "DELETE FROM " + table + " WHERE block_number > ?", ps -> ps.setLong(1, toBlock)));
    }
    for (String table : List.of("validator_sets", "block_hashes", "verdicts")) {
      deleted.put(
          table,
          Sql.update(
              c,
              "DELETE FROM " + table + " WHERE chain = ? AND block_number > ?",
              ps -> {
                ps.setString(1, chain.key());
                ps.setLong(2, toBlock);
              }));
    }
    deleted.merge("verdicts", dependentCount, Integer::sum);
    return deleted;
  }
}
