package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.EventRef;
import io.bridgescope.core.store.rows.ExecutionResultRow;
import io.bridgescope.core.store.rows.ExitRow;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.core.store.rows.StatusCounts;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Withdrawals and other child-to-root messages ({@code exits}) and their processing on root ({@code
 * exit_results}). Lists are newest first with keyset paging by id.
 */
public final class ExitDao {

  private final Connection c;

  public ExitDao(Connection c) {
    this.c = c;
  }

  private static final Inserts INSERT =
      new Inserts(
          "INSERT INTO exits (id, sender, receiver, data, epoch, kind, token, withdrawer,"
              + " recipient, amount, block_number, block_time, tx_hash, log_index)",
          14,
          "ON CONFLICT DO NOTHING");

  /** Inserts rows not stored yet (by id); returns how many were new. */
  public int insert(List<ExitRow> rows) throws SQLException {
    return INSERT.run(
        c,
        rows,
        (ps, at, r) -> {
          ps.setBytes(at + 1, Sql.u256(r.id()));
          ps.setBytes(at + 2, r.sender().bytes());
          ps.setBytes(at + 3, r.receiver().bytes());
          ps.setBytes(at + 4, r.data().value());
          ps.setLong(at + 5, r.epoch());
          ps.setString(at + 6, r.kind().key());
          Optional<Erc20Transfer> w = r.withdrawal();
          Sql.blob(ps, at + 7, w.map(t -> t.rootToken().bytes()).orElse(null));
          Sql.blob(ps, at + 8, w.map(t -> t.from().bytes()).orElse(null));
          Sql.blob(ps, at + 9, w.map(t -> t.to().bytes()).orElse(null));
          Sql.blob(ps, at + 10, w.map(t -> Sql.u256(t.amount())).orElse(null));
          ps.setLong(at + 11, r.event().blockNumber());
          ps.setLong(at + 12, r.event().blockTime());
          ps.setBytes(at + 13, r.event().txHash().bytes());
          ps.setInt(at + 14, r.event().logIndex());
        });
  }

  /** Inserts root {@code ExitProcessed} events not stored yet. */
  public int insertResults(List<ExecutionResultRow> rows) throws SQLException {
    return ResultTable.EXIT.insert(c, rows);
  }

  public Optional<ExitRow> byId(BigInteger id) throws SQLException {
    return Sql.one(
        c, "SELECT * FROM exits WHERE id = ?", ps -> ps.setBytes(1, Sql.u256(id)), this::map);
  }

  public List<ExitRow> byTx(Hash32 tx) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM exits WHERE tx_hash = ? ORDER BY log_index",
        ps -> ps.setBytes(1, tx.bytes()),
        this::map);
  }

  public List<ExitRow> page(Optional<BigInteger> beforeId, int limit) throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM exits WHERE id < ? ORDER BY id DESC LIMIT ?",
        ps -> {
          ps.setBytes(1, Sql.before(beforeId));
          ps.setInt(2, limit);
        },
        this::map);
  }

  /** Exits where {@code a} is sender, receiver, withdrawer or recipient, newest first. */
  public List<ExitRow> byAddress(Address a, Optional<BigInteger> beforeId, int limit)
      throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        AddressQuery.sql(
            "exits", List.of("sender", "receiver", "withdrawer", "recipient"), "to_root"),
        ps -> AddressQuery.bind(ps, a, Sql.before(beforeId), limit),
        this::map);
  }

  /** All exits of an epoch's exit tree in leaf order (by id, which is emission order). */
  public List<ExitRow> epoch(long epoch) throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM exits WHERE epoch = ? ORDER BY id",
        ps -> ps.setLong(1, epoch),
        this::map);
  }

  public List<ExecutionResultRow> results(BigInteger id) throws SQLException {
    return ResultTable.EXIT.forId(c, id);
  }

  public long count() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM exits", ps -> {});
  }

  public Optional<BigInteger> lastId() throws SQLException {
    return Sql.one(c, "SELECT max(id) AS m FROM exits", ps -> {}, rs -> Sql.u256OrNull(rs, "m"));
  }

  /**
   * Exits per stage: sent (no checkpoint covers them yet), checkpointed (waiting to be exited),
   * exited, failed. An exit is covered when its block is strictly below the latest successful
   * checkpoint block: exits in the checkpoint block itself go to the next root (protocol.md).
   */
  public StatusCounts statusCounts() throws SQLException {
    Optional<BigInteger> last = lastId();
    if (last.isEmpty()) {
      return new StatusCounts(0, 0, 0, 0);
    }
    long total = count();
    long covered =
        Sql.count(
            c,
            "SELECT count(*) FROM exits WHERE block_number <"
                + " (SELECT max(checkpoint_block) FROM checkpoints WHERE success = 1)",
            ps -> {});
    long[] df = ResultTable.EXIT.doneAndFailed(c, last.get());
    return new StatusCounts(total - covered, covered - df[0] - df[1], df[0], df[1]);
  }

  private ExitRow map(ResultSet rs) throws SQLException {
    PayloadKind kind = PayloadKind.fromKey(rs.getString("kind"));
    Optional<Erc20Transfer> w =
        kind == PayloadKind.WITHDRAWAL
            ? Optional.of(
                new Erc20Transfer(
                    Sql.address(rs, "token"),
                    Sql.address(rs, "withdrawer"),
                    Sql.address(rs, "recipient"),
                    Sql.u256(rs, "amount")))
            : Optional.empty();
    return new ExitRow(
        Sql.u256(rs, "id"),
        Sql.address(rs, "sender"),
        Sql.address(rs, "receiver"),
        Sql.data(rs, "data"),
        rs.getLong("epoch"),
        kind,
        w,
        new EventRef(
            rs.getLong("block_number"),
            rs.getLong("block_time"),
            Sql.hash(rs, "tx_hash"),
            rs.getInt("log_index")));
  }
}
