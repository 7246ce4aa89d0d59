package io.bridgescope.core.solvency;

import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Uint256Column;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Solvency verdicts kept beyond the session ({@code solvency_history}, migration V007, ADR 0027):
 * each check that gave a verdict records the rows whose escrow or owed amount changed since that
 * token's last kept row, so the table is a step history of every token's balance sheet and stays
 * small however often the check runs. A check with no verdict (unsettled) records nothing, and a
 * row whose owed amount no longer fits in 256 bits (possible only with a hostile token) is not
 * kept.
 */
public final class SolvencyHistory {

  /** One kept row: a token (an ERC-1155 id) as it stood at a check. */
  public record Entry(
      long seq,
      Instant checkedAt,
      long rootBlock,
      long childBlock,
      String tokenKey,
      AssetKind kind,
      TokenHome home,
      Address rootToken,
      Optional<Address> childToken,
      Optional<BigInteger> id,
      BigInteger escrow,
      BigInteger owed,
      TokenSolvency.Status status) {

    public BigInteger difference() {
      return escrow.subtract(owed);
    }
  }

  private SolvencyHistory() {}

  /** What tells a row apart: the root token, and {@code #id} for an ERC-1155 row. */
  public static String key(TokenSolvency t) {
    return t.rootToken() + t.id().map(id -> "#" + id).orElse("");
  }

  /**
   * Records the rows of {@code r} that changed since their token's last kept row, at {@code at};
   * returns how many. Nothing is recorded for a report without a verdict.
   */
  public static int record(Connection c, SolvencyReport r, Instant at) throws SQLException {
    if (r.unsettled().isPresent()) {
      return 0;
    }
    Map<String, BigInteger[]> last = lastAmounts(c);
    int n = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO solvency_history (checked_at, root_block, child_block, token_key,"
                + " asset_kind, token_home, root_token, child_token, token_id, escrow, owed, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (TokenSolvency t : r.tokens()) {
        String key = key(t);
        BigInteger[] before = last.get(key);
        if (before != null && before[0].equals(t.escrow()) && before[1].equals(t.owed())) {
          continue;
        }
        if (t.owed().bitLength() > 256) {
          continue; // only a hostile token sums past uint256; the live screen still shows it
        }
        ps.setLong(1, at.toEpochMilli());
        ps.setLong(2, r.rootBlock());
        ps.setLong(3, r.childBlock());
        ps.setString(4, key);
        ps.setString(5, t.kind().key());
        ps.setString(6, t.home().key());
        ps.setBytes(7, t.rootToken().bytes());
        if (t.childToken().isPresent()) {
          ps.setBytes(8, t.childToken().get().bytes());
        } else {
          ps.setNull(8, Types.BINARY);
        }
        if (t.id().isPresent()) {
          ps.setBytes(9, Uint256Column.encode(t.id().get()));
        } else {
          ps.setNull(9, Types.BINARY);
        }
        ps.setBytes(10, Uint256Column.encode(t.escrow()));
        ps.setBytes(11, Uint256Column.encode(t.owed()));
        ps.setString(12, t.status().key());
        ps.addBatch();
        n++;
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
    return n;
  }

  /** The latest {@code limit} kept rows, oldest first. */
  public static List<Entry> latest(Connection c, int limit) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seq, checked_at, root_block, child_block, token_key, asset_kind, token_home,"
                + " root_token, child_token, token_id, escrow, owed, status FROM solvency_history"
                + " ORDER BY seq DESC LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(0, entry(rs));
        }
      }
    }
    return out;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    byte[] child = rs.getBytes(9);
    return new Entry(
        rs.getLong(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        kind(rs.getString(6)),
        rs.getString(7).equals(TokenHome.CHILD.key()) ? TokenHome.CHILD : TokenHome.ROOT,
        new Address(rs.getBytes(8)),
        child == null ? Optional.empty() : Optional.of(new Address(child)),
        Optional.ofNullable(Uint256Column.decode(rs.getBytes(10))),
        Objects.requireNonNull(Uint256Column.decode(rs.getBytes(11))),
        Objects.requireNonNull(Uint256Column.decode(rs.getBytes(12))),
        TokenSolvency.Status.valueOf(rs.getString(13).toUpperCase(java.util.Locale.ROOT)));
  }

  private static AssetKind kind(String key) {
    for (AssetKind k : AssetKind.values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalStateException("solvency_history: unknown asset kind '" + key + "'");
  }

  /** Each token's last kept escrow and owed amounts. */
  private static Map<String, BigInteger[]> lastAmounts(Connection c) throws SQLException {
    Map<String, BigInteger[]> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT h.token_key, h.escrow, h.owed FROM solvency_history h JOIN (SELECT"
                    + " token_key, max(seq) AS seq FROM solvency_history GROUP BY token_key) l"
                    + " ON l.seq = h.seq");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getString(1),
            new BigInteger[] {
              Objects.requireNonNull(Uint256Column.decode(rs.getBytes(2))),
              Objects.requireNonNull(Uint256Column.decode(rs.getBytes(3)))
            });
      }
    }
    return out;
  }
}
