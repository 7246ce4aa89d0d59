package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoint submissions on root, each with the validator set it installed. Several may exist per
 * epoch: the latest successful one holds the epoch's root (docs/protocol.md, Withdrawal).
 */
public final class CheckpointDao {

  private final Connection c;

  public CheckpointDao(Connection c) {
    this.c = c;
  }

  /** Inserts submissions not stored yet (by transaction), with their new validator sets. */
  public int insert(List<CheckpointRow> rows) throws SQLException {
    int added = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO checkpoints (submit_tx, submitter, success, epoch, checkpoint_block,"
                + " event_root, block_hash, block_round, current_validator_set_hash, signature,"
                + " bitmap, block_number, block_time, tx_index)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (CheckpointRow r : rows) {
        ps.setBytes(1, r.submitTx().bytes());
        ps.setBytes(2, r.submitter().bytes());
        ps.setInt(3, r.success() ? 1 : 0);
        ps.setLong(4, r.epoch());
        ps.setLong(5, r.checkpointBlock());
        ps.setBytes(6, r.eventRoot().bytes());
        ps.setBytes(7, r.blockHash().bytes());
        ps.setBytes(8, Sql.u256(r.blockRound()));
        ps.setBytes(9, r.currentValidatorSetHash().bytes());
        ps.setBytes(10, r.signature().value());
        ps.setBytes(11, r.bitmap().value());
        ps.setLong(12, r.blockNumber());
        ps.setLong(13, r.blockTime());
        ps.setInt(14, r.txIndex());
        if (ps.executeUpdate() == 1) {
          added++;
          new ValidatorSetDao(c)
              .insert(
                  new ValidatorSetRow(
                      ValidatorSetSource.CHECKPOINT,
                      r.epoch(),
                      Optional.of(r.submitTx()),
                      r.newValidatorSet(),
                      ChainRole.ROOT,
                      r.blockNumber()));
        }
      }
    }
    return added;
  }

  public Optional<CheckpointRow> byTx(Hash32 submitTx) throws SQLException {
    return first(
        "SELECT * FROM checkpoints WHERE submit_tx = ?", ps -> ps.setBytes(1, submitTx.bytes()));
  }

  /** Newest first by root position; pass the previous page's last row, or empty. */
  public List<CheckpointRow> page(Optional<CheckpointRow> after, int limit) throws SQLException {
    Sql.checkLimit(limit);
    return load(
        "SELECT * FROM checkpoints WHERE (block_number, tx_index) < (?, ?)"
            + " ORDER BY block_number DESC, tx_index DESC LIMIT ?",
        ps -> {
          ps.setLong(1, after.map(CheckpointRow::blockNumber).orElse(Long.MAX_VALUE));
          ps.setInt(2, after.map(CheckpointRow::txIndex).orElse(Integer.MAX_VALUE));
          ps.setInt(3, limit);
        });
  }

  /** The successful submission holding {@code epoch}'s current root (the latest of the epoch). */
  public Optional<CheckpointRow> latestOfEpoch(long epoch) throws SQLException {
    return first(
        "SELECT * FROM checkpoints WHERE success = 1 AND epoch = ?"
            + " ORDER BY checkpoint_block DESC LIMIT 1",
        ps -> ps.setLong(1, epoch));
  }

  /** The latest successful submission. */
  public Optional<CheckpointRow> latest() throws SQLException {
    return first(
        "SELECT * FROM checkpoints WHERE success = 1 ORDER BY checkpoint_block DESC LIMIT 1",
        ps -> {});
  }

  /**
   * The first successful checkpoint whose block is above {@code childBlock}: the earliest that can
   * cover an exit emitted in that block (exits in a checkpoint's own block go to the next one).
   */
  public Optional<CheckpointRow> firstAbove(long childBlock) throws SQLException {
    return first(
        "SELECT * FROM checkpoints WHERE success = 1 AND checkpoint_block > ?"
            + " ORDER BY checkpoint_block LIMIT 1",
        ps -> ps.setLong(1, childBlock));
  }

  /** Accepted submissions in root blocks below {@code block}. */
  public long countAcceptedBefore(long block) throws SQLException {
    return Sql.count(
        c,
        "SELECT count(*) FROM checkpoints WHERE success = 1 AND block_number < ?",
        ps -> ps.setLong(1, block));
  }

  public long count() throws SQLException {
    return Sql.count(c, "SELECT count(*) FROM checkpoints", ps -> {});
  }

  private Optional<CheckpointRow> first(String sql, Sql.Binder binder) throws SQLException {
    List<CheckpointRow> l = load(sql, binder);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  private List<CheckpointRow> load(String sql, Sql.Binder binder) throws SQLException {
    List<CheckpointRow> bare = Sql.list(c, sql, binder, CheckpointDao::map);
    List<CheckpointRow> out = new ArrayList<>(bare.size());
    ValidatorSetDao sets = new ValidatorSetDao(c);
    for (CheckpointRow r : bare) {
      List<ValidatorEntry> set =
          sets.ofCheckpoint(r.submitTx(), r.epoch())
              .map(ValidatorSetRow::validators)
              .orElse(List.of());
      out.add(withSet(r, set));
    }
    return out;
  }

  private static CheckpointRow map(ResultSet rs) throws SQLException {
    return new CheckpointRow(
        Sql.hash(rs, "submit_tx"),
        Sql.address(rs, "submitter"),
        rs.getInt("success") == 1,
        rs.getLong("epoch"),
        rs.getLong("checkpoint_block"),
        Sql.hash(rs, "event_root"),
        Sql.hash(rs, "block_hash"),
        Sql.u256(rs, "block_round"),
        Sql.hash(rs, "current_validator_set_hash"),
        Sql.data(rs, "signature"),
        Sql.data(rs, "bitmap"),
        List.of(),
        rs.getLong("block_number"),
        rs.getLong("block_time"),
        rs.getInt("tx_index"));
  }

  private static CheckpointRow withSet(CheckpointRow r, List<ValidatorEntry> set) {
    return new CheckpointRow(
        r.submitTx(),
        r.submitter(),
        r.success(),
        r.epoch(),
        r.checkpointBlock(),
        r.eventRoot(),
        r.blockHash(),
        r.blockRound(),
        r.currentValidatorSetHash(),
        r.signature(),
        r.bitmap(),
        set,
        r.blockNumber(),
        r.blockTime(),
        r.txIndex());
  }
}
