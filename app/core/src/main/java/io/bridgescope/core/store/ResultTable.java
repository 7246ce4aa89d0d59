package io.bridgescope.core.store;

import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** state_sync_results and exit_results have one shape; this reads and writes either. */
final class ResultTable {

  static final ResultTable STATE_SYNC = new ResultTable("state_sync_results", "message");
  static final ResultTable EXIT = new ResultTable("exit_results", "return_data");

  private final String table;
  private final String dataColumn;
  private final Inserts insert;

  private ResultTable(String table, String dataColumn) {
    this.table = table;
    this.dataColumn = dataColumn;
    this.insert =
        new Inserts(
            "INSERT INTO "
                + table
                + " (id, success, "
                + dataColumn
                + ", block_number, block_time, tx_hash, log_index)",
            7,
            "ON CONFLICT (tx_hash, log_index) DO NOTHING");
  }

  int insert(Connection c, List<ExecutionResultRow> rows) throws SQLException {
    return insert.run(
        c,
        rows,
        (ps, at, r) -> {
          ps.setBytes(at + 1, Sql.u256(r.id()));
          ps.setInt(at + 2, r.success() ? 1 : 0);
          ps.setBytes(at + 3, r.returnData().value());
          ps.setLong(at + 4, r.event().blockNumber());
          ps.setLong(at + 5, r.event().blockTime());
          ps.setBytes(at + 6, r.event().txHash().bytes());
          ps.setInt(at + 7, r.event().logIndex());
        });
  }

  /** Every result for {@code id}, oldest first (failures may precede the success). */
  List<ExecutionResultRow> forId(Connection c, BigInteger id) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM " + table + " WHERE id = ? ORDER BY block_number, log_index",
        ps -> ps.setBytes(1, Sql.u256(id)),
        this::map);
  }

  /**
   * Counts of ids up to {@code maxId} that succeeded, and that only ever failed so far. Results for
   * ids the other chain's indexer has not reached yet are left out.
   */
  long[] doneAndFailed(Connection c, BigInteger maxId) throws SQLException {
    byte[] max = Sql.u256(maxId);
    long done =
        Sql.count(
            c,
            "SELECT count(DISTINCT id) FROM " + table + " WHERE success = 1 AND id <= ?",
            ps -> ps.setBytes(1, max));
    long failed =
        Sql.count(
            c,
            "SELECT count(DISTINCT f.id) FROM "
                + table
                + " f WHERE f.success = 0 AND f.id <= ? AND NOT EXISTS (SELECT 1 FROM "
                + table
                + " s WHERE s.id = f.id AND s.success = 1)",
            ps -> ps.setBytes(1, max));
    return new long[] {done, failed};
  }

  ExecutionResultRow map(ResultSet rs) throws SQLException {
    return new ExecutionResultRow(
        Sql.u256(rs, "id"),
        rs.getInt("success") == 1,
        Sql.data(rs, dataColumn),
        new EventRef(
            rs.getLong("block_number"),
            rs.getLong("block_time"),
            Sql.hash(rs, "tx_hash"),
            rs.getInt("log_index")));
  }

  static int sum(int[] counts) {
    int n = 0;
    for (int k : counts) {
      n += Math.max(k, 0);
    }
    return n;
  }
}
