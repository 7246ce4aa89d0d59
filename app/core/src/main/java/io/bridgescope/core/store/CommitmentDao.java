package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.EventRef;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** State-sync commitments on the child chain, with the signature data of their commit input. */
public final class CommitmentDao {

  private final Connection c;

  public CommitmentDao(Connection c) {
    this.c = c;
  }

  /** Inserts commitments not stored yet (by transaction and log index). */
  public int insert(List<CommitmentRow> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO commitments (start_id, end_id, root, signature, signer_keys,"
                + " signer_count, bitmap, block_number, block_time, tx_hash, log_index)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (CommitmentRow r : rows) {
        ps.setBytes(1, Sql.u256(r.startId()));
        ps.setBytes(2, Sql.u256(r.endId()));
        ps.setBytes(3, r.root().bytes());
        Optional<CommitSignature> s = r.signature();
        Sql.blob(ps, 4, s.map(x -> x.signature().value()).orElse(null));
        Sql.blob(ps, 5, s.map(x -> concat(x.signerKeys())).orElse(null));
        if (s.isPresent()) {
          ps.setInt(6, s.get().signerKeys().size());
        } else {
          ps.setNull(6, Types.INTEGER);
        }
        Sql.blob(ps, 7, s.map(x -> x.bitmap().value()).orElse(null));
        ps.setLong(8, r.event().blockNumber());
        ps.setLong(9, r.event().blockTime());
        ps.setBytes(10, r.event().txHash().bytes());
        ps.setInt(11, r.event().logIndex());
        ps.addBatch();
      }
      return ResultTable.sum(ps.executeBatch());
    }
  }

  /** The commitment whose range holds state sync {@code id}, if one is indexed. */
  public Optional<CommitmentRow> covering(BigInteger id) throws SQLException {
    byte[] v = Sql.u256(id);
    return Sql.one(
        c,
        // The first range ending at or after id holds it, if any does: ranges are contiguous.
        "SELECT * FROM (SELECT * FROM commitments WHERE end_id >= ? ORDER BY end_id LIMIT 1) c"
            + " WHERE start_id <= ?",
        ps -> {
          ps.setBytes(1, v);
          ps.setBytes(2, v);
        },
        this::map);
  }

  public Optional<CommitmentRow> byTx(Hash32 tx) throws SQLException {
    return Sql.one(
        c,
        "SELECT * FROM commitments WHERE tx_hash = ? ORDER BY log_index LIMIT 1",
        ps -> ps.setBytes(1, tx.bytes()),
        this::map);
  }

  /** Newest first by start id; pass the last row's start id as {@code beforeStartId}. */
  public List<CommitmentRow> page(Optional<BigInteger> beforeStartId, int limit)
      throws SQLException {
    Sql.checkLimit(limit);
    return Sql.list(
        c,
        "SELECT * FROM commitments WHERE start_id < ? ORDER BY start_id DESC LIMIT ?",
        ps -> {
          ps.setBytes(1, Sql.before(beforeStartId));
          ps.setInt(2, limit);
        },
        this::map);
  }

  /** The highest committed state sync id (the child's {@code lastCommittedId} as indexed). */
  public Optional<BigInteger> lastCommittedId() throws SQLException {
    return Sql.one(
        c, "SELECT max(end_id) AS m FROM commitments", ps -> {}, rs -> Sql.u256OrNull(rs, "m"));
  }

  public long count() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM commitments", ps -> {});
  }

  private CommitmentRow map(ResultSet rs) throws SQLException {
    Bytes sig = Sql.bytes(rs, "signature");
    Optional<CommitSignature> s = Optional.empty();
    if (sig != null) {
      s =
          Optional.of(
              new CommitSignature(
                  sig,
                  split(Sql.data(rs, "signer_keys").value(), rs.getInt("signer_count")),
                  Sql.data(rs, "bitmap")));
    }
    return new CommitmentRow(
        Sql.u256(rs, "start_id"),
        Sql.u256(rs, "end_id"),
        Sql.hash(rs, "root"),
        s,
        new EventRef(
            rs.getLong("block_number"),
            rs.getLong("block_time"),
            Sql.hash(rs, "tx_hash"),
            rs.getInt("log_index")));
  }

  private static byte[] concat(List<Bytes> keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    keys.forEach(k -> out.writeBytes(k.value()));
    return out.toByteArray();
  }

  private static List<Bytes> split(byte[] all, int count) {
    List<Bytes> keys = new ArrayList<>(count);
    int len = count == 0 ? 0 : all.length / count;
    for (int i = 0; i < count; i++) {
      keys.add(Bytes.of(Arrays.copyOfRange(all, i * len, (i + 1) * len)));
    }
    return keys;
  }
}
