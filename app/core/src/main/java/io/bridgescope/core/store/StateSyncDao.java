package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.store.rows.StatusCounts;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Deposits and other root-to-child messages ({@code state_syncs}) and their execution results on
 * child ({@code state_sync_results}). Lists are newest first with keyset paging: pass the last id
 * of a page as {@code beforeId} to get the next one.
 */
public final class StateSyncDao {

  private final Connection c;

  public StateSyncDao(Connection c) {
    this.c = c;
  }

  private static final Inserts INSERT =
      new Inserts(
          "INSERT INTO state_syncs (id, sender, receiver, data, kind, token, depositor,"
              + " recipient, amount, block_number, block_time, tx_hash, log_index)",
          13,
          "ON CONFLICT DO NOTHING");

  /** Inserts rows not stored yet (by id); returns how many were new. */
  public int insert(List<StateSyncRow> rows) throws SQLException {
    return INSERT.run(
        c,
        rows,
        (ps, at, r) -> {
          ps.setBytes(at + 1, Sql.u256(r.id()));
          ps.setBytes(at + 2, r.sender().bytes());
          ps.setBytes(at + 3, r.receiver().bytes());
          ps.setBytes(at + 4, r.data().value());
          ps.setString(at + 5, r.kind().key());
          Optional<Erc20Transfer> d = r.deposit();
          Sql.blob(ps, at + 6, d.map(t -> t.rootToken().bytes()).orElse(null));
          Sql.blob(ps, at + 7, d.map(t -> t.from().bytes()).orElse(null));
          Sql.blob(ps, at + 8, d.map(t -> t.to().bytes()).orElse(null));
          Sql.blob(ps, at + 9, d.map(t -> Sql.u256(t.amount())).orElse(null));
          ps.setLong(at + 10, r.event().blockNumber());
          ps.setLong(at + 11, r.event().blockTime());
          ps.setBytes(at + 12, r.event().txHash().bytes());
          ps.setInt(at + 13, r.event().logIndex());
        });
  }

  /** Inserts child {@code StateSyncResult} events not stored yet. */
  public int insertResults(List<ExecutionResultRow> rows) throws SQLException {
    return ResultTable.STATE_SYNC.insert(c, rows);
  }

  public Optional<StateSyncRow> byId(BigInteger id) throws SQLException {
    return Sql.one(
        c, "SELECT * FROM state_syncs WHERE id = ?", ps -> ps.setBytes(1, Sql.u256(id)), this::map);
  }

  public List<StateSyncRow> byTx(Hash32 tx) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM state_syncs WHERE tx_hash = ? ORDER BY log_index",
        ps -> ps.setBytes(1, tx.bytes()),
        this::map);
  }

  /** A page of all state syncs, newest first. */
  public List<StateSyncRow> page(Optional<BigInteger> beforeId, int limit) throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM state_syncs WHERE id < ? ORDER BY id DESC LIMIT ?",
        ps -> {
          ps.setBytes(1, Sql.before(beforeId));
          ps.setInt(2, limit);
        },
        this::map);
  }

  /** State syncs where {@code a} is sender, receiver, depositor or recipient, newest first. */
  public List<StateSyncRow> byAddress(Address a, Optional<BigInteger> beforeId, int limit)
      throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        AddressQuery.sql(
            "state_syncs", List.of("sender", "receiver", "depositor", "recipient"), "to_child"),
        ps -> AddressQuery.bind(ps, a, Sql.before(beforeId), limit),
        this::map);
  }

  /** State syncs {@code from..to} inclusive in id order: the leaves of a commitment. */
  public List<StateSyncRow> range(BigInteger from, BigInteger to) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM state_syncs WHERE id BETWEEN ? AND ? ORDER BY id",
        ps -> {
          ps.setBytes(1, Sql.u256(from));
          ps.setBytes(2, Sql.u256(to));
        },
        this::map);
  }

  public List<ExecutionResultRow> results(BigInteger id) throws SQLException {
    return ResultTable.STATE_SYNC.forId(c, id);
  }

  public long count() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM state_syncs", ps -> {});
  }

  /** The highest stored id, if any. */
  public Optional<BigInteger> lastId() throws SQLException {
    return Sql.one(
        c, "SELECT max(id) AS m FROM state_syncs", ps -> {}, rs -> Sql.u256OrNull(rs, "m"));
  }

  /**
   * Deposits per stage: sent (not yet in a commitment), committed (waiting for execution),
   * executed, failed (executions so far all failed). Commitments are contiguous from 1, so an id is
   * committed iff it is at most the highest committed end id (docs/protocol.md).
   */
  public StatusCounts statusCounts() throws SQLException {
    long total = count();
    Optional<BigInteger> last = lastId();
    if (last.isEmpty()) {
      return new StatusCounts(0, 0, 0, 0);
    }
    long committed =
        Sql.count(
            c,
            "SELECT count(*) FROM state_syncs WHERE id <= (SELECT max(end_id) FROM commitments)",
            ps -> {});
    long[] df = ResultTable.STATE_SYNC.doneAndFailed(c, last.get());
    return new StatusCounts(total - committed, committed - df[0] - df[1], df[0], df[1]);
  }

  private StateSyncRow map(ResultSet rs) throws SQLException {
    PayloadKind kind = PayloadKind.fromKey(rs.getString("kind"));
    Optional<Erc20Transfer> deposit =
        kind == PayloadKind.DEPOSIT
            ? Optional.of(
                new Erc20Transfer(
                    Sql.address(rs, "token"),
                    Sql.address(rs, "depositor"),
                    Sql.address(rs, "recipient"),
                    Sql.u256(rs, "amount")))
            : Optional.empty();
    return new StateSyncRow(
        Sql.u256(rs, "id"),
        Sql.address(rs, "sender"),
        Sql.address(rs, "receiver"),
        Sql.data(rs, "data"),
        kind,
        deposit,
        new EventRef(
            rs.getLong("block_number"),
            rs.getLong("block_time"),
            Sql.hash(rs, "tx_hash"),
            rs.getInt("log_index")));
  }
}
