package io.bridgescope.core.report;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.report.AuditReport.Failure;
import io.bridgescope.core.report.AuditReport.KindCounts;
import io.bridgescope.core.store.SubmissionRevertDao.Rejected;
import io.bridgescope.core.store.Uint256Column;
import io.bridgescope.core.store.rows.SubmissionRevert;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report's reads over child blocks {@code from..to}: a commitment belongs to the range by the
 * child block that carries it, a checkpoint (and a rejected submission) by the child block it
 * checkpoints. Every list is in a fixed order, so the same index gives the same report.
 */
final class ReportQueries {

  private static final String COMMITMENT_VERDICTS =
      "SELECT v.status, v.reason, v.subject_tx, v.block_number AS child_block,"
          + " c.start_id, c.end_id FROM verdicts v"
          + " JOIN commitments c ON c.tx_hash = v.subject_tx"
          + " WHERE v.kind = 'commitment' AND v.block_number BETWEEN ? AND ?"
          + " ORDER BY v.block_number, c.start_id";
  private static final String CHECKPOINT_VERDICTS =
      "SELECT v.status, v.reason, v.subject_tx, k.checkpoint_block AS child_block, k.epoch"
          + " FROM verdicts v JOIN checkpoints k ON k.submit_tx = v.subject_tx"
          + " WHERE v.kind = 'checkpoint' AND k.checkpoint_block BETWEEN ? AND ?"
          + " ORDER BY k.checkpoint_block, k.block_number, k.tx_index";

  private final Connection c;
  private final long from;
  private final long to;

  ReportQueries(Connection c, long from, long to) {
    this.c = c;
    this.from = from;
    this.to = to;
  }

  record Verdicts(List<KindCounts> counts, List<Failure> failures) {}

  Verdicts verdicts() throws SQLException {
    List<Failure> failures = new ArrayList<>();
    KindCounts commitments =
        kind(
            VerdictKind.COMMITMENT,
            COMMITMENT_VERDICTS,
            "SELECT count(*) FROM commitments c WHERE c.block_number BETWEEN ? AND ?"
                + " AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.kind = 'commitment'"
                + " AND v.subject_tx = c.tx_hash)",
            failures);
    KindCounts checkpoints =
        kind(
            VerdictKind.CHECKPOINT,
            CHECKPOINT_VERDICTS,
            "SELECT count(*) FROM checkpoints k WHERE k.success = 1"
                + " AND k.checkpoint_block BETWEEN ? AND ?"
                + " AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.kind = 'checkpoint'"
                + " AND v.subject_tx = k.submit_tx)",
            failures);
    return new Verdicts(List.of(commitments, checkpoints), failures);
  }

  private KindCounts kind(
      VerdictKind kind, String verdictSql, String unverifiedSql, List<Failure> failures)
      throws SQLException {
    Map<VerdictStatus, Long> n = new EnumMap<>(VerdictStatus.class);
    try (PreparedStatement ps = range(verdictSql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        VerdictStatus status = VerdictStatus.fromKey(rs.getString("status"));
        n.merge(status, 1L, Long::sum);
        if (status != VerdictStatus.VERIFIED) {
          String reason = rs.getString("reason");
          failures.add(
              new Failure(
                  kind,
                  new Hash32(rs.getBytes("subject_tx")),
                  rs.getLong("child_block"),
                  subject(kind, rs),
                  status,
                  reason == null ? "(no reason recorded)" : reason));
        }
      }
    }
    long unverified;
    try (PreparedStatement ps = range(unverifiedSql);
        ResultSet rs = ps.executeQuery()) {
      unverified = rs.next() ? rs.getLong(1) : 0;
    }
    return new KindCounts(
        kind,
        n.getOrDefault(VerdictStatus.VERIFIED, 0L),
        n.getOrDefault(VerdictStatus.MISMATCH, 0L),
        n.getOrDefault(VerdictStatus.INVALID_SIGNATURE, 0L),
        n.getOrDefault(VerdictStatus.NO_QUORUM, 0L),
        n.getOrDefault(VerdictStatus.PENDING, 0L),
        unverified);
  }

  private static String subject(VerdictKind kind, ResultSet rs) throws SQLException {
    if (kind == VerdictKind.CHECKPOINT) {
      return "epoch " + rs.getLong("epoch");
    }
    return "state syncs " + uint(rs.getBytes("start_id")) + ".." + uint(rs.getBytes("end_id"));
  }

  private static String uint(byte[] b) {
    BigInteger v = Uint256Column.decode(b);
    return v == null ? "?" : v.toString();
  }

  /** The submissions the root rejected for checkpoints of the range, oldest first. */
  List<Rejected> rejected() throws SQLException {
    List<Rejected> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT k.submit_tx, k.submitter, k.epoch, k.block_number, k.block_time,"
                + " coalesce(r.reason, ?) AS reason, coalesce(r.source, 'none') AS source"
                + " FROM checkpoints k LEFT JOIN submission_reverts r ON r.submit_tx = k.submit_tx"
                + " WHERE k.success = 0 AND k.checkpoint_block BETWEEN ? AND ?"
                + " ORDER BY k.block_number, k.tx_index")) {
      ps.setString(1, SubmissionRevert.UNAVAILABLE);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Rejected(
                  new Hash32(rs.getBytes("submit_tx")),
                  new Address(rs.getBytes("submitter")),
                  rs.getLong("epoch"),
                  rs.getLong("block_number"),
                  rs.getLong("block_time"),
                  rs.getString("reason"),
                  rs.getString("source")));
        }
      }
    }
    return out;
  }

  private PreparedStatement range(String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setLong(1, from);
    ps.setLong(2, to);
    return ps;
  }
}
