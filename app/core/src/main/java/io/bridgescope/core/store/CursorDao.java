package io.bridgescope.core.store;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.BlockHashRow;
import io.bridgescope.core.store.rows.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per-chain indexing progress and the recent block hashes used to detect reorgs. */
public final class CursorDao {

  private final Connection c;

  public CursorDao(Connection c) {
    this.c = c;
  }

  public Optional<Cursor> get(ChainRole chain) throws SQLException {
    return Sql.one(
        c,
        "SELECT last_block, last_block_hash FROM chain_cursor WHERE chain = ?",
        ps -> ps.setString(1, chain.key()),
        rs -> new Cursor(chain, rs.getLong(1), Sql.hash(rs, "last_block_hash")));
  }

  /** Writes the cursor; {@link StoreWriter#submit(Batch)} calls this for a batch's cursor. */
  public void save(Cursor cursor, Instant now) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO chain_cursor (chain, last_block, last_block_hash, updated_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (chain) DO UPDATE SET"
            + " last_block = excluded.last_block, last_block_hash = excluded.last_block_hash,"
            + " updated_at = excluded.updated_at",
        ps -> {
          ps.setString(1, cursor.chain().key());
          ps.setLong(2, cursor.lastBlock());
          ps.setBytes(3, cursor.lastBlockHash().bytes());
          ps.setLong(4, now.toEpochMilli());
        });
  }

  /** Records block hashes; a re-indexed block replaces its old hash. */
  public void saveBlockHashes(ChainRole chain, List<BlockHashRow> blocks) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "block_hashes",
                    List.of("chain", "block_number", "hash", "parent_hash"),
                    List.of("chain", "block_number")))) {
      for (BlockHashRow b : blocks) {
        ps.setString(1, chain.key());
        ps.setLong(2, b.number());
        ps.setBytes(3, b.hash().bytes());
        ps.setBytes(4, b.parentHash().bytes());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<BlockHashRow> blockHash(ChainRole chain, long number) throws SQLException {
    return Sql.one(
        c,
        "SELECT block_number, hash, parent_hash FROM block_hashes"
            + " WHERE chain = ? AND block_number = ?",
        ps -> {
          ps.setString(1, chain.key());
          ps.setLong(2, number);
        },
        rs -> new BlockHashRow(rs.getLong(1), Sql.hash(rs, "hash"), Sql.hash(rs, "parent_hash")));
  }

  /** The stored blocks from newest down, to walk back to the fork point of a reorg. */
  public List<BlockHashRow> recentBlockHashes(ChainRole chain, int limit) throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT block_number, hash, parent_hash FROM block_hashes WHERE chain = ?"
            + " ORDER BY block_number DESC LIMIT ?",
        ps -> {
          ps.setString(1, chain.key());
          ps.setInt(2, limit);
        },
        rs -> new BlockHashRow(rs.getLong(1), Sql.hash(rs, "hash"), Sql.hash(rs, "parent_hash")));
  }

  /** Forgets hashes below {@code keepFrom}: a reorg deeper than that is not expected. */
  public int pruneBlockHashes(ChainRole chain, long keepFrom) throws SQLException {
    return Sql.update(
        c,
        "DELETE FROM block_hashes WHERE chain = ? AND block_number < ?",
        ps -> {
          ps.setString(1, chain.key());
          ps.setLong(2, keepFrom);
        });
  }
}
