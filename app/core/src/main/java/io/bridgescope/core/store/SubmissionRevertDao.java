package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.SubmissionRevert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The revert reasons of failed checkpoint submissions (see V005__submission_reverts.sql). */
public final class SubmissionRevertDao {

  private final Connection c;

  public SubmissionRevertDao(Connection c) {
    this.c = c;
  }

  /** Stores reasons not stored yet (by transaction). */
  public void insert(List<SubmissionRevert> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO submission_reverts (submit_tx, reason, source, block_number)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (SubmissionRevert r : rows) {
        ps.setBytes(1, r.submitTx().bytes());
        ps.setString(2, r.reason());
        ps.setString(3, r.source());
        ps.setLong(4, r.blockNumber());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<SubmissionRevert> of(Hash32 submitTx) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM submission_reverts WHERE submit_tx = ?",
        ps -> ps.setBytes(1, submitTx.bytes()),
        rs ->
            new SubmissionRevert(
                Sql.hash(rs, "submit_tx"),
                rs.getString("reason"),
                rs.getString("source"),
                rs.getLong("block_number")));
  }

  /** The failed submissions that tried to checkpoint {@code epoch}, oldest first. */
  public List<Rejected> ofEpoch(long epoch) throws SQLException {
    return rejected("k.epoch = ?", epoch);
  }

  /** Every failed submission stored, oldest first. */
  public List<Rejected> all() throws SQLException {
    return rejected("k.epoch >= ?", 0);
  }

  private List<Rejected> rejected(String where, long arg) throws SQLException {
    return Sql.list(
        c,
        "SELECT k.submit_tx, k.submitter, k.epoch, k.block_number, k.block_time,"
            + " coalesce(r.reason, ?) AS reason, coalesce(r.source, 'none') AS source"
            + " FROM checkpoints k LEFT JOIN submission_reverts r ON r.submit_tx = k.submit_tx"
            + " WHERE k.success = 0 AND "
            + where
            + " ORDER BY k.block_number, k.tx_index",
        ps -> {
          ps.setString(1, SubmissionRevert.UNAVAILABLE);
          ps.setLong(2, arg);
        },
        rs ->
            new Rejected(
                Sql.hash(rs, "submit_tx"),
                Sql.address(rs, "submitter"),
                rs.getLong("epoch"),
                rs.getLong("block_number"),
                rs.getLong("block_time"),
                rs.getString("reason"),
                rs.getString("source")));
  }

  /** Every failed submission stored. */
  public long countRejected() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM checkpoints WHERE success = 0", ps -> {});
  }

  /** A failed submission with the epoch it tried and why it failed. */
  public record Rejected(
      Hash32 submitTx,
      io.bridgescope.core.model.Address submitter,
      long epoch,
      long blockNumber,
      long blockTime,
      String reason,
      String source) {}
}
