package io.bridgescope.core.lifecycle;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the observed {@link Cadence} from the store; plain JDBC over V001. */
final class CadenceQueries {

  /** Enough recent intervals for a stable median, few enough to follow a change of pace. */
  static final int SAMPLE = 20;

  private CadenceQueries() {}

  static Cadence load(Connection c) throws SQLException {
    Optional<BigInteger> lastId = Optional.empty();
    Optional<Instant> lastCommitAt = Optional.empty();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT end_id, block_time FROM commitments ORDER BY end_id DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        lastId = Optional.of(new BigInteger(1, rs.getBytes(1)));
        lastCommitAt = Optional.of(Instant.ofEpochSecond(rs.getLong(2)));
      }
    }
    OptionalLong cpBlock = OptionalLong.empty();
    OptionalLong cpEpoch = OptionalLong.empty();
    Optional<Instant> cpAt = Optional.empty();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT checkpoint_block, epoch, block_time FROM checkpoints WHERE success = 1"
                    + " ORDER BY checkpoint_block DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        cpBlock = OptionalLong.of(rs.getLong(1));
        cpEpoch = OptionalLong.of(rs.getLong(2));
        cpAt = Optional.of(Instant.ofEpochSecond(rs.getLong(3)));
      }
    }
    return new Cadence(
        medianInterval(
            c, "SELECT block_time FROM commitments ORDER BY end_id DESC LIMIT " + (SAMPLE + 1)),
        medianInterval(
            c,
            "SELECT block_time FROM checkpoints WHERE success = 1"
                + " ORDER BY block_number DESC, tx_index DESC LIMIT "
                + (SAMPLE + 1)),
        medianOf(
            c,
            // Latency from the commitment holding the id to its first success.
            "SELECT r.block_time - (SELECT block_time FROM commitments WHERE end_id >= r.id"
                + " ORDER BY end_id LIMIT 1) FROM state_sync_results r WHERE r.success = 1"
                + " ORDER BY r.block_number DESC LIMIT "
                + (SAMPLE * 2)),
        lastId,
        lastCommitAt,
        cpBlock,
        cpEpoch,
        cpAt,
        commitsSinceExecution(c),
        neverExecutedThrough(c));
  }

  /** Commitments in child blocks after the last execution result (all when there was none). */
  private static long commitsSinceExecution(Connection c) throws SQLException {
    List<Long> n =
        longs(
            c,
            "SELECT count(*) FROM commitments WHERE block_number >"
                + " coalesce((SELECT max(block_number) FROM state_sync_results), -1)");
    return n.isEmpty() ? 0 : n.get(0);
  }

  /**
   * While no execution was ever indexed: the end id of the newest commitment that {@link
   * Cadence#COMMITS_PASSED} later ones have passed. Counting commitments, not seconds, keeps this
   * true of the chain whatever the index lag or the clock: they are all child-chain events.
   */
  private static Optional<BigInteger> neverExecutedThrough(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT end_id FROM commitments"
                    + " WHERE NOT EXISTS (SELECT 1 FROM state_sync_results)"
                    + " ORDER BY block_number DESC, log_index DESC LIMIT 1 OFFSET "
                    + Cadence.COMMITS_PASSED);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new BigInteger(1, rs.getBytes(1))) : Optional.empty();
    }
  }

  private static Optional<Duration> medianInterval(Connection c, String sql) throws SQLException {
    List<Long> times = longs(c, sql);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Math.abs(times.get(i - 1) - times.get(i)));
    }
    return median(gaps);
  }

  private static Optional<Duration> medianOf(Connection c, String sql) throws SQLException {
    return median(longs(c, sql).stream().map(v -> Math.max(0, v)).toList());
  }

  static Optional<Duration> median(List<Long> seconds) {
    if (seconds.isEmpty()) {
      return Optional.empty();
    }
    List<Long> s = seconds.stream().sorted().toList();
    int n = s.size();
    long millis = n % 2 == 1 ? s.get(n / 2) * 1000 : (s.get(n / 2 - 1) + s.get(n / 2)) * 500;
    return Optional.of(Duration.ofMillis(millis));
  }

  private static List<Long> longs(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getObject(1) != null) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }
}
