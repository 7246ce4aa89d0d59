package io.bridgescope.core.lifecycle;

import io.bridgescope.core.store.Uint256Column;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds deposits that are overdue by the same rules as {@link LifecycleRules}, in SQL, so counting
 * and listing them does not compute a status per row. A SENT deposit is overdue once both it and
 * the last commitment are older than one interval plus grace; a COMMITTED one once its commitment
 * is older than the usual latency plus grace and it has no result at all, or, while no execution
 * was ever observed, once {@link Cadence#COMMITS_PASSED} later commitments passed its own.
 */
final class StuckQueries {

  private static final String UNCOMMITTED =
      "FROM state_syncs s WHERE s.id > ? AND s.block_time < ?";
  private static final String UNEXECUTED =
      "FROM state_syncs s WHERE s.id <= ?"
          + " AND NOT EXISTS (SELECT 1 FROM state_sync_results r WHERE r.id = s.id)"
          + " AND (SELECT block_time FROM commitments WHERE end_id >= s.id ORDER BY end_id LIMIT 1)"
          + " < ?";
  // only used while no execution result exists at all, so no NOT EXISTS is needed
  private static final String NEVER_EXECUTED = "FROM state_syncs s WHERE s.id <= ?";

  private final Connection c;
  private final Cadence cad;
  private final Instant now;

  StuckQueries(Connection c, Cadence cad, Instant now) {
    this.c = c;
    this.cad = cad;
    this.now = now;
  }

  long sentStuckCount() throws SQLException {
    Long cutoff = sentCutoff();
    return cutoff == null
        ? 0
        : longs("SELECT count(*) " + UNCOMMITTED, lastCommitted(), cutoff).get(0);
  }

  long committedStuckCount() throws SQLException {
    if (cad.neverExecutedThrough().isPresent()) {
      // no execution at all was indexed, so every committed id up to there is unexecuted
      return longs("SELECT count(*) " + NEVER_EXECUTED, neverExecutedThrough()).get(0);
    }
    Long cutoff = committedCutoff();
    return cutoff == null
        ? 0
        : longs("SELECT count(*) " + UNEXECUTED, lastCommitted(), cutoff).get(0);
  }

  List<BigInteger> stuckIds(int limit) throws SQLException {
    List<BigInteger> out = new ArrayList<>();
    Long sent = sentCutoff();
    if (sent != null) {
      out.addAll(
          ids(
              "SELECT s.id " + UNCOMMITTED + " ORDER BY s.id LIMIT ?",
              lastCommitted(),
              sent,
              limit));
    }
    if (cad.neverExecutedThrough().isPresent() && out.size() < limit) {
      out.addAll(
          ids(
              "SELECT s.id " + NEVER_EXECUTED + " ORDER BY s.id LIMIT ?",
              neverExecutedThrough(),
              limit - out.size()));
      return out;
    }
    Long committed = committedCutoff();
    if (committed != null && out.size() < limit) {
      out.addAll(
          ids(
              "SELECT s.id " + UNEXECUTED + " ORDER BY s.id LIMIT ?",
              lastCommitted(),
              committed,
              limit - out.size()));
    }
    return out;
  }

  private byte[] neverExecutedThrough() {
    return Uint256Column.encode(cad.neverExecutedThrough().orElseThrow());
  }

  private byte[] lastCommitted() {
    return Uint256Column.encode(cad.lastCommittedId().orElse(BigInteger.ZERO));
  }

  /** Unix seconds before which a SENT deposit is overdue, or null if none can be. */
  private @Nullable Long sentCutoff() {
    if (cad.commitInterval().isEmpty()) {
      return null;
    }
    Duration every = cad.commitInterval().get();
    Instant cutoff = now.minus(every).minus(Cadence.grace(every));
    if (cad.lastCommitAt().map(t -> !t.isBefore(cutoff)).orElse(false)) {
      return null;
    }
    return cutoff.getEpochSecond();
  }

  private @Nullable Long committedCutoff() {
    if (cad.executeLatency().isEmpty()) {
      return null;
    }
    Duration l = cad.executeLatency().get();
    return now.minus(l).minus(Cadence.grace(l)).getEpochSecond();
  }

  private List<Long> longs(String sql, Object... params) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql, params)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private List<BigInteger> ids(String sql, Object... params) throws SQLException {
    List<BigInteger> out = new ArrayList<>();
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new BigInteger(1, rs.getBytes(1)));
      }
    }
    return out;
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
