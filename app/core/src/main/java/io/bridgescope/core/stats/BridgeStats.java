package io.bridgescope.core.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Overview's chart data, in SQL over the indexed tables: traffic per time bucket and the
 * latency from a message to the commitment or checkpoint covering it. Each query reads a bounded
 * window (the last {@link #MAX_BUCKETS} buckets, the last {@code n} commitments/checkpoints).
 */
public final class BridgeStats {

  /** At most this many bars in the activity chart. */
  public static final int MAX_BUCKETS = 48;

  private static final long[] WIDTHS = {60, 300, 900, 3_600, 21_600, 86_400};

  private final Connection c;

  public BridgeStats(Connection c) {
    this.c = c;
  }

  /** The narrowest bucket (1 min .. 1 day) that shows {@code spanSeconds} in the bars. */
  public static Duration bucketFor(long spanSeconds) {
    for (long w : WIDTHS) {
      if (spanSeconds / w < MAX_BUCKETS) {
        return Duration.ofSeconds(w);
      }
    }
    return Duration.ofSeconds(WIDTHS[WIDTHS.length - 1]);
  }

  /** Deposits and exits per bucket, the bucket chosen from the span of the whole history. */
  public BridgeActivity activity() throws SQLException {
    long[] dep = span("state_syncs");
    long[] ex = span("exits");
    if (dep == null && ex == null) {
      return new BridgeActivity(Duration.ofSeconds(WIDTHS[0]), List.of());
    }
    long min = Math.min(dep == null ? Long.MAX_VALUE : dep[0], ex == null ? Long.MAX_VALUE : ex[0]);
    long max = Math.max(dep == null ? Long.MIN_VALUE : dep[1], ex == null ? Long.MIN_VALUE : ex[1]);
    long w = bucketFor(max - min).toSeconds();
    long last = Math.floorDiv(max, w);
    long first = Math.max(Math.floorDiv(min, w), last - MAX_BUCKETS + 1);
    Map<Long, Long> d = perBucket("state_syncs", w, first * w);
    Map<Long, Long> x = perBucket("exits", w, first * w);
    List<BridgeActivity.Bucket> out = new ArrayList<>();
    for (long b = first; b <= last; b++) {
      out.add(
          new BridgeActivity.Bucket(
              Instant.ofEpochSecond(b * w), d.getOrDefault(b, 0L), x.getOrDefault(b, 0L)));
    }
    return new BridgeActivity(Duration.ofSeconds(w), out);
  }

  /**
   * StateSynced to the commitment covering it, for the last {@code n} commitments, oldest first.
   */
  public List<Latency> commitmentLatency(int n) throws SQLException {
    String sql =
        "SELECT c.block_time, (SELECT count(*) FROM commitments n WHERE n.end_id <= c.end_id),"
            + " avg(c.block_time - s.block_time),"
            + " max(c.block_time - s.block_time), count(*)"
            + " FROM (SELECT * FROM commitments ORDER BY end_id DESC LIMIT ?) c"
            + " JOIN state_syncs s ON s.id BETWEEN c.start_id AND c.end_id"
            // every selected column of c grouped (PostgreSQL wants them named; SQLite does not)
            + " GROUP BY c.tx_hash, c.log_index, c.block_time, c.end_id ORDER BY c.end_id";
    return latencies(sql, n, rs -> "#" + rs.getLong(2));
  }

  /** Exit (child block time) to the checkpoint covering it (root block time), last {@code n}. */
  public List<Latency> checkpointLatency(int n) throws SQLException {
    String sql =
        "SELECT k.block_time, k.epoch, avg(k.block_time - x.block_time),"
            + " max(k.block_time - x.block_time), count(*)"
            + " FROM (SELECT * FROM checkpoints WHERE success = 1"
            + " ORDER BY block_number DESC, tx_index DESC LIMIT ?) k"
            + " JOIN exits x ON x.epoch = k.epoch AND x.block_number < k.checkpoint_block"
            + " GROUP BY k.submit_tx, k.block_time, k.epoch, k.block_number, k.tx_index"
            + " ORDER BY k.block_number, k.tx_index";
    return latencies(sql, n, rs -> "epoch " + rs.getLong(2));
  }

  private interface Label {
    String of(ResultSet rs) throws SQLException;
  }

  private List<Latency> latencies(String sql, int n, Label label) throws SQLException {
    List<Latency> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Latency(
                  Instant.ofEpochSecond(rs.getLong(1)),
                  label.of(rs),
                  rs.getDouble(3),
                  rs.getLong(4),
                  rs.getLong(5)));
        }
      }
    }
    return out;
  }

  /** {min, max} block time of a table, or null when it is empty (both read from its time index). */
  private long @Nullable [] span(String table) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT min(block_time), max(block_time) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getObject(1) != null
          ? new long[] {rs.getLong(1), rs.getLong(2)}
          : null;
    }
  }

  private Map<Long, Long> perBucket(String table, long width, long from) throws SQLException {
    Map<Long, Long> m = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT block_time / ? AS b, count(*) FROM "
                + table
                + " WHERE block_time >= ? GROUP BY b")) {
      ps.setLong(1, width);
      ps.setLong(2, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          m.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return m;
  }
}
