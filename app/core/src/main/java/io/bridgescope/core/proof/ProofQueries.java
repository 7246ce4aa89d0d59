package io.bridgescope.core.proof;

import io.bridgescope.core.model.Hash32;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Checkpoint lookups of the proof builder; plain JDBC over V001, no validator sets loaded. */
final class ProofQueries {

  /** The root an epoch's exits are proved against. */
  record EpochRoot(Hash32 submitTx, long epoch, long checkpointBlock, Hash32 eventRoot) {}

  private final Connection c;

  ProofQueries(Connection c) {
    this.c = c;
  }

  /**
   * The latest successful checkpoint of {@code epoch}: a later one of the same epoch overwrites the
   * epoch's root on chain (docs/protocol.md, Withdrawal).
   */
  Optional<EpochRoot> latestOfEpoch(long epoch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT submit_tx, epoch, checkpoint_block, event_root FROM checkpoints"
                + " WHERE success = 1 AND epoch = ? ORDER BY checkpoint_block DESC LIMIT 1")) {
      ps.setLong(1, epoch);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new EpochRoot(
                new Hash32(rs.getBytes(1)),
                rs.getLong(2),
                rs.getLong(3),
                new Hash32(rs.getBytes(4))));
      }
    }
  }

  /** The highest successfully checkpointed child block, if any. */
  Optional<Long> lastCheckpointBlock() throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT max(checkpoint_block) FROM checkpoints WHERE success = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getObject(1) != null ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }
}
