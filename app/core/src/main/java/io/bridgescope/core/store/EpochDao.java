package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.EpochRow;
import io.bridgescope.core.store.rows.EventRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The child chain's epochs (V003__epochs.sql). */
public final class EpochDao {

  private static final String SELECT =
      "SELECT id, start_block, end_block, epoch_root, block_number, block_time, tx_hash,"
          + " log_index FROM epochs";

  private final Connection c;

  public EpochDao(Connection c) {
    this.c = c;
  }

  /** Inserts epochs not stored yet; returns how many were new. */
  public int insert(List<EpochRow> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO epochs (id, start_block, end_block, epoch_root, block_number,"
                + " block_time, tx_hash, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (EpochRow r : rows) {
        ps.setLong(1, r.id());
        ps.setLong(2, r.startBlock());
        ps.setLong(3, r.endBlock());
        ps.setBytes(4, r.epochRoot().bytes());
        ps.setLong(5, r.event().blockNumber());
        ps.setLong(6, r.event().blockTime());
        ps.setBytes(7, r.event().txHash().bytes());
        ps.setInt(8, r.event().logIndex());
        ps.addBatch();
      }
      return ResultTable.sum(ps.executeBatch());
    }
  }

  public Optional<EpochRow> latest() throws SQLException {
    return Sql.one(c, SELECT + " ORDER BY id DESC LIMIT 1", ps -> {}, EpochDao::row);
  }

  /** The epoch whose blocks include {@code block}, if it has ended and been indexed. */
  public Optional<EpochRow> covering(long block) throws SQLException {
    return Sql.one(
        c,
        SELECT + " WHERE end_block >= ? AND start_block <= ? ORDER BY end_block LIMIT 1",
        ps -> {
          ps.setLong(1, block);
          ps.setLong(2, block);
        },
        EpochDao::row);
  }

  public long count() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM epochs", ps -> {});
  }

  private static EpochRow row(ResultSet rs) throws SQLException {
    return new EpochRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        new Hash32(rs.getBytes(4)),
        new EventRef(rs.getLong(5), rs.getLong(6), new Hash32(rs.getBytes(7)), rs.getInt(8)));
  }
}
