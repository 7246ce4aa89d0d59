package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The verifier's verdicts; re-verifying a subject replaces its verdict. */
public final class VerdictDao {

  private final Connection c;

  public VerdictDao(Connection c) {
    this.c = c;
  }

  public void save(VerdictRow v) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO verdicts (kind, subject_tx, chain, block_number, status, reason, evidence,"
            + " verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, subject_tx)"
            + " DO UPDATE SET chain = excluded.chain, block_number = excluded.block_number,"
            + " status = excluded.status, reason = excluded.reason,"
            + " evidence = excluded.evidence, verified_at = excluded.verified_at",
        ps -> {
          ps.setString(1, v.kind().key());
          ps.setBytes(2, v.subjectTx().bytes());
          ps.setString(3, v.kind().chain().key());
          ps.setLong(4, v.blockNumber());
          ps.setString(5, v.status().key());
          ps.setString(6, v.reason());
          if (v.evidenceJson().isPresent()) {
            ps.setString(7, v.evidenceJson().get());
          } else {
            ps.setNull(7, Types.VARCHAR);
          }
          ps.setLong(8, v.verifiedAt().toEpochMilli());
        });
  }

  public Optional<VerdictRow> get(VerdictKind kind, Hash32 subjectTx) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM verdicts WHERE kind = ? AND subject_tx = ?",
        ps -> {
          ps.setString(1, kind.key());
          ps.setBytes(2, subjectTx.bytes());
        },
        VerdictDao::map);
  }

  /** Verdicts of a kind and status, newest subject first. */
  public List<VerdictRow> withStatus(VerdictKind kind, VerdictStatus status, int limit)
      throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM verdicts WHERE kind = ? AND status = ? ORDER BY block_number DESC LIMIT ?",
        ps -> {
          ps.setString(1, kind.key());
          ps.setString(2, status.key());
          ps.setInt(3, limit);
        },
        VerdictDao::map);
  }

  public Map<VerdictStatus, Long> countsByStatus(VerdictKind kind) throws SQLException {
    Map<VerdictStatus, Long> m = new EnumMap<>(VerdictStatus.class);
    for (VerdictStatus s : VerdictStatus.values()) {
      m.put(s, 0L);
    }
    Sql.list(
            c,
            "SELECT status, count(*) FROM verdicts WHERE kind = ? GROUP BY status",
            ps -> ps.setString(1, kind.key()),
            rs -> Map.entry(VerdictStatus.fromKey(rs.getString(1)), rs.getLong(2)))
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static VerdictRow map(ResultSet rs) throws SQLException {
    return new VerdictRow(
        VerdictKind.fromKey(rs.getString("kind")),
        Sql.hash(rs, "subject_tx"),
        rs.getLong("block_number"),
        VerdictStatus.fromKey(rs.getString("status")),
        Optional.ofNullable(rs.getString("reason")).orElse(""),
        Optional.ofNullable(rs.getString("evidence")),
        Instant.ofEpochMilli(rs.getLong("verified_at")));
  }
}
