package io.bridgescope.core.proof;

import io.bridgescope.core.store.Uint256Column;
import io.bridgescope.crypto.merkle.BridgeLeaves;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the leaves of the two bridge trees straight from the store, only the four columns a leaf
 * needs, so a 10,000-leaf tree is one indexed scan. Shared by the verifier and the proof builder so
 * both apply exactly the same tree rules.
 */
public final class LeafQueries {

  private LeafQueries() {}

  /**
   * The exit tree of a checkpoint at child block {@code checkpointBlock} in {@code epoch}: the
   * epoch's exits emitted before that block, by id (docs/protocol.md, Withdrawal: exits in an
   * epoch-ending block already carry the next epoch; exits inside a mid-epoch checkpoint block go
   * to the next root of the epoch).
   */
  public static LeafSet exitLeaves(Connection c, long epoch, long checkpointBlock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, sender, receiver, data FROM exits"
                + " WHERE epoch = ? AND block_number < ? ORDER BY id")) {
      ps.setLong(1, epoch);
      ps.setLong(2, checkpointBlock);
      return read(ps, true);
    }
  }

  /** The leaves of a commitment: state syncs {@code from..to} inclusive, by id. */
  public static LeafSet stateSyncLeaves(Connection c, BigInteger from, BigInteger to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, sender, receiver, data FROM state_syncs"
                + " WHERE id BETWEEN ? AND ? ORDER BY id")) {
      ps.setBytes(1, Uint256Column.encode(from));
      ps.setBytes(2, Uint256Column.encode(to));
      return read(ps, false);
    }
  }

  private static LeafSet read(PreparedStatement ps, boolean exitEncoding) throws SQLException {
    List<BigInteger> ids = new ArrayList<>();
    ByteArrayOutputStream hashes = new ByteArrayOutputStream();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        BigInteger id = new BigInteger(1, rs.getBytes(1));
        byte[] sender = rs.getBytes(2);
        byte[] receiver = rs.getBytes(3);
        byte[] raw = rs.getBytes(4);
        byte[] data = raw == null ? new byte[0] : raw;
        ids.add(id);
        hashes.writeBytes(
            exitEncoding
                ? BridgeLeaves.exitLeaf(id, sender, receiver, data)
                : BridgeLeaves.stateSyncLeaf(id, sender, receiver, data));
      }
    }
    return new LeafSet(ids.toArray(BigInteger[]::new), hashes.toByteArray());
  }
}
