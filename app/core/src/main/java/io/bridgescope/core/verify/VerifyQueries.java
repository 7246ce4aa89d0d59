package io.bridgescope.core.verify;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few reads the verifier needs beyond the store's DAOs; plain JDBC over V001. */
final class VerifyQueries {

  /** A successful checkpoint's key facts, enough to find the set it installed. */
  record CheckpointRef(Hash32 submitTx, long epoch, long checkpointBlock) {}

  private final Connection c;

  VerifyQueries(Connection c) {
    this.c = c;
  }

  /** Commit transactions in id order; with {@code unsettledOnly}, those without a final verdict. */
  List<Hash32> commitmentTxs(boolean unsettledOnly) throws SQLException {
    return txs(
        "SELECT s.tx_hash FROM commitments s LEFT JOIN verdicts v"
            + " ON v.kind = 'commitment' AND v.subject_tx = s.tx_hash"
            + (unsettledOnly ? " WHERE v.subject_tx IS NULL OR v.status = 'pending'" : "")
            + " ORDER BY s.start_id");
  }

  /** Successful submit transactions in root order; failed ones changed nothing on chain. */
  List<Hash32> checkpointTxs(boolean unsettledOnly) throws SQLException {
    return txs(
        "SELECT s.submit_tx FROM checkpoints s LEFT JOIN verdicts v"
            + " ON v.kind = 'checkpoint' AND v.subject_tx = s.submit_tx WHERE s.success = 1"
            + (unsettledOnly ? " AND (v.subject_tx IS NULL OR v.status = 'pending')" : "")
            + " ORDER BY s.block_number, s.tx_index");
  }

  /** The successful submission just before the one at root position (block, txIndex). */
  Optional<CheckpointRef> previousSuccessful(long rootBlock, int txIndex) throws SQLException {
    return ref(
        "SELECT submit_tx, epoch, checkpoint_block FROM checkpoints WHERE success = 1"
            + " AND (block_number < ? OR (block_number = ? AND tx_index < ?))"
            + " ORDER BY block_number DESC, tx_index DESC LIMIT 1",
        ps -> {
          ps.setLong(1, rootBlock);
          ps.setLong(2, rootBlock);
          ps.setInt(3, txIndex);
        });
  }

  /** The last successful checkpoint of a child block below {@code childBlock}. */
  Optional<CheckpointRef> lastCheckpointBelow(long childBlock) throws SQLException {
    return ref(
        "SELECT submit_tx, epoch, checkpoint_block FROM checkpoints WHERE success = 1"
            + " AND checkpoint_block < ? ORDER BY checkpoint_block DESC LIMIT 1",
        ps -> ps.setLong(1, childBlock));
  }

  /** The highest successfully checkpointed child block, or -1. */
  long lastCheckpointBlock() throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT max(checkpoint_block) FROM checkpoints WHERE success = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1;
    }
  }

  Optional<ValidatorSetRow> setOf(CheckpointRef cp) throws SQLException {
    return new ValidatorSetDao(c).ofCheckpoint(cp.submitTx(), cp.epoch());
  }

  Optional<ValidatorSetRow> genesisSet() throws SQLException {
    return new ValidatorSetDao(c).get(ValidatorSetSource.GENESIS, 0);
  }

  /** The last child block whose rows are all stored, or -1 before the first batch. */
  long childIndexedTo() throws SQLException {
    return new CursorDao(c).get(ChainRole.CHILD).map(Cursor::lastBlock).orElse(-1L);
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<CheckpointRef> ref(String sql, Binder b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CheckpointRef(new Hash32(rs.getBytes(1)), rs.getLong(2), rs.getLong(3)));
      }
    }
  }

  private List<Hash32> txs(String sql) throws SQLException {
    List<Hash32> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Hash32(rs.getBytes(1)));
      }
    }
    return out;
  }
}
