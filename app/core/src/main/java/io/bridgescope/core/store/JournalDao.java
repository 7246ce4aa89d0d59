package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.JournalEntry;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.store.rows.TxState;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The wallet's transaction journal. A transaction is recorded as SIGNED before it is sent, so after
 * a crash {@link #unfinished()} lists what to rebroadcast or re-check.
 */
public final class JournalDao {

  private final Connection c;

  public JournalDao(Connection c) {
    this.c = c;
  }

  /** Records a signed transaction in state SIGNED; returns its journal id. */
  public long record(
      ChainRole chain,
      Address from,
      long nonce,
      Bytes rawTx,
      Hash32 txHash,
      TxPurpose purpose,
      Optional<BigInteger> relatedId,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tx_journal (chain, from_address, nonce, raw_tx, tx_hash, purpose,"
                + " related_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, chain.key());
      ps.setBytes(2, from.bytes());
      ps.setLong(3, nonce);
      ps.setBytes(4, rawTx.value());
      ps.setBytes(5, txHash.bytes());
      ps.setString(6, purpose.key());
      Sql.blob(ps, 7, relatedId.map(Sql::u256).orElse(null));
      ps.setString(8, TxState.SIGNED.key());
      ps.setLong(9, now.toEpochMilli());
      ps.setLong(10, now.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Moves an entry to {@code state}; returns false when there is no such entry. */
  public boolean updateState(
      long id, TxState state, OptionalLong blockNumber, Optional<String> error, Instant now)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE tx_journal SET state = ?, block_number = ?, error = ?, updated_at = ?"
                + " WHERE id = ?",
            ps -> {
              ps.setString(1, state.key());
              if (blockNumber.isPresent()) {
                ps.setLong(2, blockNumber.getAsLong());
              } else {
                ps.setNull(2, Types.INTEGER);
              }
              ps.setString(3, error.orElse(null));
              ps.setLong(4, now.toEpochMilli());
              ps.setLong(5, id);
            })
        == 1;
  }

  public Optional<JournalEntry> byId(long id) throws SQLException {
    return Sql.one(
        c, "SELECT * FROM tx_journal WHERE id = ?", ps -> ps.setLong(1, id), JournalDao::map);
  }

  public Optional<JournalEntry> byTxHash(Hash32 tx) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM tx_journal WHERE tx_hash = ?",
        ps -> ps.setBytes(1, tx.bytes()),
        JournalDao::map);
  }

  /** Entries not yet in a final state, oldest first: what to resume after a restart. */
  public List<JournalEntry> unfinished() throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM tx_journal WHERE state IN ('signed', 'sent') ORDER BY id",
        ps -> {},
        JournalDao::map);
  }

  /** Transactions sent for an exit or deposit id, oldest first. */
  public List<JournalEntry> forRelated(TxPurpose purpose, BigInteger relatedId)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT * FROM tx_journal WHERE purpose = ? AND related_id = ? ORDER BY id",
        ps -> {
          ps.setString(1, purpose.key());
          ps.setBytes(2, Sql.u256(relatedId));
        },
        JournalDao::map);
  }

  /** Newest first; pass the last id of the previous page, or empty. */
  public List<JournalEntry> page(OptionalLong beforeId, int limit) throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM tx_journal WHERE id < ? ORDER BY id DESC LIMIT ?",
        ps -> {
          ps.setLong(1, beforeId.orElse(Long.MAX_VALUE));
          ps.setInt(2, limit);
        },
        JournalDao::map);
  }

  private static JournalEntry map(ResultSet rs) throws SQLException {
    long block = rs.getLong("block_number");
    OptionalLong blockNumber = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(block);
    return new JournalEntry(
        rs.getLong("id"),
        ChainRole.fromKey(rs.getString("chain")),
        Sql.address(rs, "from_address"),
        rs.getLong("nonce"),
        Sql.data(rs, "raw_tx"),
        Sql.hash(rs, "tx_hash"),
        TxPurpose.fromKey(rs.getString("purpose")),
        Optional.ofNullable(Sql.u256OrNull(rs, "related_id")),
        TxState.fromKey(rs.getString("state")),
        blockNumber,
        Optional.ofNullable(rs.getString("error")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
