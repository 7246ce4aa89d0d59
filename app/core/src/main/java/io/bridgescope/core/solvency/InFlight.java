package io.bridgescope.core.solvency;

import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Uint256Column;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ERC-20 amounts in flight per root token, from the index: deposits (root StateSynced) without
 * a successful StateSyncResult on the child, withdrawals (child L2StateSynced) without a successful
 * ExitProcessed on the root. Those whose only results are failures are counted apart: their tokens
 * stay escrowed (or burned) until a retry succeeds, which may never come.
 */
final class InFlight {

  /** Per root token: pending deposits, failed deposits, pending exits, failed exits. */
  record Sums(BigInteger[] v) {
    static Sums zero() {
      return new Sums(
          new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
    }

    void add(int slot, BigInteger amount) {
      v[slot] = v[slot].add(amount);
    }

    /** The invariant of a token (an id) with these amounts in flight. */
    TokenSolvency judge(
        AssetKind kind,
        Address rootToken,
        java.util.Optional<Address> childToken,
        BigInteger escrow,
        BigInteger supply,
        io.bridgescope.core.asset.TokenHome home,
        java.util.Optional<BigInteger> id) {
      return new TokenSolvency(
          kind,
          rootToken,
          childToken,
          escrow,
          supply,
          v[DEPOSITS],
          v[DEPOSITS_FAILED],
          v[EXITS],
          v[EXITS_FAILED],
          home,
          id);
    }
  }

  static final int DEPOSITS = 0;
  static final int DEPOSITS_FAILED = 1;
  static final int EXITS = 2;
  static final int EXITS_FAILED = 3;

  private InFlight() {}

  static Map<Address, Sums> erc20(Connection c) throws SQLException {
    return erc20At(c, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * The sums as of root block {@code rootBlock} and child block {@code childBlock}: only messages
   * sent and results seen at or below those blocks count.
   */
  static Map<Address, Sums> erc20At(Connection c, long rootBlock, long childBlock)
      throws SQLException {
    Map<Address, Sums> out = new TreeMap<>();
    sum(
        c,
        "SELECT s.token, s.amount, (SELECT max(r.success) FROM state_sync_results r"
            + " WHERE r.id = s.id AND r.block_number <= ?) FROM state_syncs s"
            + " WHERE s.kind = 'deposit' AND s.block_number <= ?",
        childBlock,
        rootBlock,
        DEPOSITS,
        out);
    sum(
        c,
        "SELECT e.token, e.amount, (SELECT max(r.success) FROM exit_results r"
            + " WHERE r.id = e.id AND r.block_number <= ?) FROM exits e"
            + " WHERE e.kind = 'withdrawal' AND e.block_number <= ?",
        rootBlock,
        childBlock,
        EXITS,
        out);
    return out;
  }

  /**
   * The same for child-native ERC-20 tokens (Edge's root-mintable family at {@code 0x…1009}), per
   * child token, from the decoded payloads: the directions swap, so "deposits" are the transfers
   * leaving the token's home (child {@code L2StateSynced} DEPOSITs, escrowed on the child and not
   * yet minted on the root) and "exits" the ones coming back (root {@code StateSynced} WITHDRAWs,
   * burned on the root and not yet released on the child).
   */
  static Map<Address, Sums> childNativeErc20(Connection c) throws SQLException {
    return childNativeErc20At(c, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * {@link #childNativeErc20(Connection)} as of root block {@code rootBlock}, child {@code
   * childBlock}.
   */
  static Map<Address, Sums> childNativeErc20At(Connection c, long rootBlock, long childBlock)
      throws SQLException {
    Map<Address, Sums> out = new TreeMap<>();
    String items =
        " FROM asset_payloads a JOIN asset_items i ON i.direction = a.direction AND i.id = a.id";
    String family = " a.predicate_name = 'root_mintable_erc20' AND a.asset_kind = 'erc20'";
    sum(
        c,
        "SELECT a.token, i.amount, (SELECT max(r.success) FROM exit_results r WHERE r.id = a.id"
            + " AND r.block_number <= ?)"
            + items
            + " LEFT JOIN exits e ON e.id = a.id WHERE"
            + family
            + " AND a.direction = 'to_root' AND a.action = 'deposit'"
            + " AND coalesce(e.block_number, -1) <= ?",
        rootBlock,
        childBlock,
        DEPOSITS,
        out);
    sum(
        c,
        "SELECT a.token, i.amount, (SELECT max(r.success) FROM state_sync_results r"
            + " WHERE r.id = a.id AND r.block_number <= ?)"
            + items
            + " LEFT JOIN state_syncs s ON s.id = a.id WHERE"
            + family
            + " AND a.direction = 'to_child' AND a.action = 'withdraw'"
            + " AND coalesce(s.block_number, -1) <= ?",
        childBlock,
        rootBlock,
        EXITS,
        out);
    return out;
  }

  /**
   * The NFT ids and amounts in flight per token of one predicate family ({@code 0x…1006}, {@code
   * 0x…1008}, {@code 0x…100a} or {@code 0x…100b}), from the decoded payloads, as of root block
   * {@code rootBlock} and child block {@code childBlock}, in total and per id, with the same
   * pending and failed rules as ERC-20. An ERC-721 item counts 1, an ERC-1155 item its amount;
   * batches count by their items. For a child-native family the directions swap, as for {@link
   * #childNativeErc20At}: "deposits" leave the child (exits on the root), "exits" come back (state
   * syncs on the child). The key is the payload's token: the root token of a root-native family,
   * the child token of a child-native one.
   */
  static Map<Address, Nfts> nftsAt(
      Connection c, AssetPredicate family, long rootBlock, long childBlock) throws SQLException {
    boolean rootNative = family.home() == TokenHome.ROOT;
    String items =
        " FROM asset_payloads a JOIN asset_items i ON i.direction = a.direction AND i.id = a.id";
    String where =
        " WHERE a.predicate_name = '"
            + family.key()
            + "' AND a.asset_kind = '"
            + family.kind().key()
            + "' AND i.token_id IS NOT NULL";
    // towards the child: a root StateSynced, settled by a StateSyncResult on the child
    String toChild =
        "SELECT a.token, i.amount, (SELECT max(r.success) FROM state_sync_results r"
            + " WHERE r.id = a.id AND r.block_number <= ?), i.token_id"
            + items
            + " JOIN state_syncs s ON s.id = a.id"
            + where
            + " AND a.direction = 'to_child' AND a.action IN ";
    // towards the root: a child L2StateSynced, settled by an ExitProcessed on the root
    String toRoot =
        "SELECT a.token, i.amount, (SELECT max(r.success) FROM exit_results r"
            + " WHERE r.id = a.id AND r.block_number <= ?), i.token_id"
            + items
            + " JOIN exits e ON e.id = a.id"
            + where
            + " AND a.direction = 'to_root' AND a.action IN ";
    String deposits = "('deposit', 'deposit_batch')";
    String withdrawals = "('withdraw', 'withdraw_batch')";
    Map<Address, Nfts> out = new TreeMap<>();
    if (rootNative) {
      nftSum(
          c, toChild + deposits + " AND s.block_number <= ?", childBlock, rootBlock, DEPOSITS, out);
      nftSum(
          c, toRoot + withdrawals + " AND e.block_number <= ?", rootBlock, childBlock, EXITS, out);
    } else {
      nftSum(
          c, toRoot + deposits + " AND e.block_number <= ?", rootBlock, childBlock, DEPOSITS, out);
      nftSum(
          c, toChild + withdrawals + " AND s.block_number <= ?", childBlock, rootBlock, EXITS, out);
    }
    return out;
  }

  /**
   * One NFT token's items in flight: in total (ERC-721: numbers of ids) and per id (what each id's
   * transfers moved; an id settled both ways is there with zeros, so every id the bridge moved is
   * known).
   */
  record Nfts(Sums sums, java.util.SortedMap<BigInteger, Sums> perId) {
    static Nfts empty() {
      return new Nfts(Sums.zero(), new TreeMap<>());
    }
  }

  private static void nftSum(
      Connection c,
      String sql,
      long resultBound,
      long messageBound,
      int slot,
      Map<Address, Nfts> out)
      throws SQLException {
    try (PreparedStatement ps = bounded(c, sql, resultBound, messageBound)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Nfts n = out.computeIfAbsent(new Address(rs.getBytes(1)), t -> Nfts.empty());
          BigInteger amount =
              java.util.Objects.requireNonNull(Uint256Column.decode(rs.getBytes(2)));
          BigInteger id = java.util.Objects.requireNonNull(Uint256Column.decode(rs.getBytes(4)));
          int at = rs.getObject(3) == null ? slot : rs.getInt(3) == 0 ? slot + 1 : -1;
          Sums perId = n.perId().computeIfAbsent(id, x -> Sums.zero());
          if (at >= 0) { // else settled: minted or released on the other side
            n.sums().add(at, amount);
            perId.add(at, amount);
          }
        }
      }
    }
  }

  private static void sum(
      Connection c,
      String sql,
      long resultBound,
      long messageBound,
      int slot,
      Map<Address, Sums> out)
      throws SQLException {
    try (PreparedStatement ps = bounded(c, sql, resultBound, messageBound)) {
      sumRows(ps, slot, out);
    }
  }

  /** {@code sql} with its two block bounds: the results' chain first, the messages' second. */
  private static PreparedStatement bounded(
      Connection c, String sql, long resultBound, long messageBound) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      ps.setLong(1, resultBound);
      ps.setLong(2, messageBound);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private static void sumRows(PreparedStatement ps, int slot, Map<Address, Sums> out)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Address token = new Address(rs.getBytes(1));
        BigInteger amount = java.util.Objects.requireNonNull(Uint256Column.decode(rs.getBytes(2)));
        Sums s = out.computeIfAbsent(token, t -> Sums.zero());
        Object result = rs.getObject(3);
        if (result == null) {
          s.add(slot, amount);
        } else if (rs.getInt(3) == 0) {
          s.add(slot + 1, amount);
        } else {
          s.add(slot, BigInteger.ZERO); // settled: minted on the child or released on the root
        }
      }
    }
  }

  /**
   * Why the index cannot give a verdict now: a successful result whose message is not indexed means
   * one chain's index is ahead of the other's, and the amount it moved is unknown.
   */
  static Optional<String> unsettled(Connection c) throws SQLException {
    return unsettledAt(c, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * {@link #unsettled(Connection)} as of root block {@code rootBlock}, child {@code childBlock}.
   */
  static Optional<String> unsettledAt(Connection c, long rootBlock, long childBlock)
      throws SQLException {
    long deposits =
        count(
            c,
            "SELECT count(*) FROM state_sync_results r WHERE r.success = 1 AND r.block_number <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM state_syncs s WHERE s.id = r.id"
                + " AND s.block_number <= ?)",
            childBlock,
            rootBlock);
    if (deposits > 0) {
      return Optional.of(
          deposits
              + " state sync(s) executed on the child are not indexed on the root yet:"
              + " index the root chain further");
    }
    long exits =
        count(
            c,
            "SELECT count(*) FROM exit_results r WHERE r.success = 1 AND r.block_number <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM exits e WHERE e.id = r.id"
                + " AND e.block_number <= ?)",
            rootBlock,
            childBlock);
    if (exits > 0) {
      return Optional.of(
          exits
              + " exit(s) processed on the root are not indexed on the child yet:"
              + " index the child chain further");
    }
    return Optional.empty();
  }

  private static long count(Connection c, String sql, long first, long second) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, first);
      ps.setLong(2, second);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
