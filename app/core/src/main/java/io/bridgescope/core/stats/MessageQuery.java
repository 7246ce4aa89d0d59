package io.bridgescope.core.stats;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.store.Uint256Column;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Filtered, ordered, keyset-paged ids of deposits (state_syncs) or exits, in SQL: the list never
 * loads rows it does not show. A stage filter is exact in SQL for the settled stages (executed,
 * exited, failed, checkpointed); for the waiting ones (sent, committed, stuck), which depend on the
 * clock and the observed cadence, SQL returns the waiting rows and the caller keeps those whose
 * computed stage matches ({@link #exact}).
 */
public final class MessageQuery {

  /** Which list. */
  public enum Kind {
    DEPOSITS("state_syncs", "state_sync_results", "depositor", "to_child"),
    EXITS("exits", "exit_results", "withdrawer", "to_root");

    final String table;
    final String results;
    final String party;

    /** The asset_payloads/asset_items direction of this list's messages. */
    final String direction;

    Kind(String table, String results, String party, String direction) {
      this.table = table;
      this.results = results;
      this.party = party;
      this.direction = direction;
    }
  }

  /** One matching row's keyset position. */
  public record Hit(BigInteger id, long blockTime) {}

  private MessageQuery() {}

  /** True when SQL alone decides {@code stage} (no per-row status needed to confirm it). */
  public static boolean exact(Kind k, Optional<Stage> stage) {
    if (stage.isEmpty()) {
      return true;
    }
    return switch (stage.get()) {
      case EXECUTED, EXITED, FAILED, CHECKPOINTED -> true;
      case COMMITTED -> k == Kind.EXITS;
      case SENT, STUCK -> false;
    };
  }

  /** Up to {@code limit} matches after {@code after} (exclusive) in the filter's order. */
  public static List<Hit> page(
      Connection c, Kind k, MessageFilter f, Optional<Hit> after, int limit) throws SQLException {
    Sql q = new Sql();
    MessageFilter.Order o = f.order();
    String order =
        o.byTime()
            ? " ORDER BY t.block_time " + dir(o) + ", t.id " + dir(o)
            : " ORDER BY t.id " + dir(o);
    if (f.address().isEmpty()) {
      q.add("SELECT t.id, t.block_time FROM " + k.table + " t WHERE TRUE");
      where(q, k, f, after);
      q.add(order + " LIMIT ?", limit);
    } else {
      // One indexed branch per address column, each at most a page deep, then the union ordered:
      // fast even for an address that is in every row (the AddressQuery pattern of the store).
      q.add("SELECT t.id, t.block_time FROM " + k.table + " t WHERE t.id IN (");
      // The decoded payload's sender and item receivers too (an NFT deposit's depositor and
      // receivers are in no column of the message table), as the wallet's depositsByAddress.
      byte[] a = f.address().get().bytes();
      String[] cols = {"sender", "receiver", k.party, "recipient"};
      for (int i = 0; i < cols.length + 2; i++) {
        q.add((i > 0 ? " UNION " : "") + "SELECT id FROM (SELECT t.id FROM " + k.table + " t");
        if (i < cols.length) {
          q.add(" WHERE t." + cols[i] + " = ?", a);
        } else {
          q.add(" WHERE t.id IN (" + payloadParty(k, i == cols.length) + ")", a);
        }
        where(q, k, f, after);
        q.add(order + " LIMIT ?) b" + i, limit);
      }
      q.add(")" + order + " LIMIT ?", limit);
    }
    List<Hit> out = new ArrayList<>();
    try (PreparedStatement ps = q.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Hit(new BigInteger(1, rs.getBytes(1)), rs.getLong(2)));
      }
    }
    return out;
  }

  /** How many rows match (for a waiting stage: how many are waiting, see {@link #exact}). */
  public static long count(Connection c, Kind k, MessageFilter f) throws SQLException {
    Sql q = new Sql();
    q.add("SELECT count(*) FROM " + k.table + " t WHERE TRUE");
    where(q, k, f, Optional.empty());
    f.address()
        .ifPresent(
            a -> {
              q.add(" AND (t.sender = ? OR t.receiver = ?", a.bytes(), a.bytes());
              q.add(" OR t." + k.party + " = ? OR t.recipient = ?", a.bytes(), a.bytes());
              q.add(" OR t.id IN (" + payloadParty(k, true) + ")", a.bytes());
              q.add(" OR t.id IN (" + payloadParty(k, false) + "))", a.bytes());
            });
    try (PreparedStatement ps = q.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static String dir(MessageFilter.Order o) {
    return o.descending() ? "DESC" : "ASC";
  }

  /**
   * The ids of {@code k}'s messages whose decoded payload names the bound address as its sender
   * ({@code sender} true) or as the receiver of one of its items.
   */
  private static String payloadParty(Kind k, boolean sender) {
    return sender
        ? "SELECT id FROM asset_payloads WHERE sender = ? AND direction = '" + k.direction + "'"
        : "SELECT id FROM asset_items WHERE recipient = ? AND direction = '" + k.direction + "'";
  }

  /** The filter's conditions (except the address) and the keyset bound, each as " AND ...". */
  private static void where(Sql q, Kind k, MessageFilter f, Optional<Hit> after) {
    String payload =
        " AND EXISTS (SELECT 1 FROM asset_payloads a WHERE a.direction = '"
            + k.direction
            + "' AND a.id = t.id";
    // the token as the ERC-20 columns or the payload name it (home chain), or its mirror through
    // the mapping events
    f.token()
        .ifPresent(
            t ->
                q.add(
                    " AND (t.token = ?"
                        + payload.replace(" AND EXISTS", " OR EXISTS")
                        + " AND (a.token = ? OR a.token IN (SELECT native_token FROM"
                        + " token_mappings WHERE mirror_token = ?))))",
                    t.bytes(),
                    t.bytes(),
                    t.bytes()));
    f.kind().ifPresent(x -> q.add(payload + " AND a.asset_kind = ?)", x.key()));
    f.from().ifPresent(t -> q.add(" AND t.block_time >= ?", t.getEpochSecond()));
    f.to().ifPresent(t -> q.add(" AND t.block_time < ?", t.getEpochSecond()));
    f.stage().ifPresent(s -> q.add(" AND " + stageSql(k, s)));
    if (after.isPresent()) {
      String cmp = f.order().descending() ? "<" : ">";
      byte[] id = Uint256Column.encode(after.get().id());
      if (f.order().byTime()) {
        q.add(" AND (t.block_time, t.id) " + cmp + " (?, ?)", after.get().blockTime(), id);
      } else {
        q.add(" AND t.id " + cmp + " ?", id);
      }
    }
  }

  /** The stage as SQL over the row {@code t} (docs/protocol.md, the two lifecycles). */
  static String stageSql(Kind k, Stage s) {
    String any = "EXISTS (SELECT 1 FROM " + k.results + " r WHERE r.id = t.id)";
    String ok = "EXISTS (SELECT 1 FROM " + k.results + " r WHERE r.id = t.id AND r.success = 1)";
    if (k == Kind.DEPOSITS) {
      String committed = "t.id <= (SELECT max(end_id) FROM commitments)";
      return switch (s) {
        case EXECUTED -> ok;
        case FAILED -> any + " AND NOT " + ok;
        case COMMITTED -> "NOT " + any + " AND " + committed;
        case SENT -> "NOT " + any + " AND coalesce(NOT " + committed + ", TRUE)";
        case STUCK -> "NOT " + any;
        case CHECKPOINTED, EXITED -> "FALSE";
      };
    }
    String covered =
        "EXISTS (SELECT 1 FROM checkpoints k WHERE k.success = 1 AND k.epoch = t.epoch"
            + " AND k.checkpoint_block > t.block_number)";
    return switch (s) {
      case EXITED -> ok;
      case FAILED -> covered + " AND " + any + " AND NOT " + ok;
      case CHECKPOINTED -> covered + " AND NOT " + any;
      case SENT, STUCK -> "NOT " + covered + " AND NOT " + ok;
      case COMMITTED, EXECUTED -> "FALSE";
    };
  }

  /** SQL text with its parameters, bound in the order they were added. */
  private static final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    void add(String sql, Object... values) {
      text.append(sql);
      params.addAll(List.of(values));
    }

    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(text.toString());
      try {
        for (int i = 0; i < params.size(); i++) {
          Object v = params.get(i);
          if (v instanceof byte[] b) {
            ps.setBytes(i + 1, b);
          } else if (v instanceof String str) {
            ps.setString(i + 1, str);
          } else if (v instanceof Integer n) {
            ps.setInt(i + 1, n);
          } else {
            ps.setLong(i + 1, (Long) v);
          }
        }
        return ps;
      } catch (SQLException | RuntimeException e) {
        ps.close();
        throw e;
      }
    }
  }
}
