package io.bridgescope.core.store;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Validator sets by source and epoch; a checkpoint's set is keyed by its submit transaction. */
public final class ValidatorSetDao {

  private static final byte[] NO_REF = new byte[0];

  private final Connection c;

  public ValidatorSetDao(Connection c) {
    this.c = c;
  }

  /** Stores a set; an already stored (source, epoch, ref) keeps its first version. */
  public void insert(ValidatorSetRow set) throws SQLException {
    byte[] ref = set.checkpointTx().map(Hash32::bytes).orElse(NO_REF);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO validator_sets (source, epoch, set_ref, idx, address, bls_key,"
                + " voting_power, chain, block_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (ValidatorEntry v : set.validators()) {
        ps.setString(1, set.source().key());
        ps.setLong(2, set.epoch());
        ps.setBytes(3, ref);
        ps.setInt(4, v.index());
        ps.setBytes(5, v.address().bytes());
        ps.setBytes(6, v.blsKey().value());
        ps.setBytes(7, Sql.u256(v.votingPower()));
        ps.setString(8, set.chain().key());
        ps.setLong(9, set.blockNumber());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The set a checkpoint submission installed. */
  public Optional<ValidatorSetRow> ofCheckpoint(Hash32 submitTx, long epoch) throws SQLException {
    return find(ValidatorSetSource.CHECKPOINT, epoch, submitTx.bytes());
  }

  /** The set of {@code epoch} from a one-set-per-epoch source (GENESIS or CHILD). */
  public Optional<ValidatorSetRow> get(ValidatorSetSource source, long epoch) throws SQLException {
    if (source == ValidatorSetSource.CHECKPOINT) {
      throw new IllegalArgumentException("a checkpoint's set is found by its transaction");
    }
    return find(source, epoch, NO_REF);
  }

  /** The newest set of {@code source} at or before {@code epoch}. */
  public Optional<ValidatorSetRow> latestAtOrBefore(ValidatorSetSource source, long epoch)
      throws SQLException {
    Optional<Long> e =
        Sql.one(
            c,
            "SELECT max(epoch) AS m FROM validator_sets WHERE source = ? AND epoch <= ?",
            ps -> {
              ps.setString(1, source.key());
              ps.setLong(2, epoch);
            },
            rs -> rs.getObject("m") == null ? null : rs.getLong("m"));
    return e.isEmpty() ? Optional.empty() : get(source, e.get());
  }

  private Optional<ValidatorSetRow> find(ValidatorSetSource source, long epoch, byte[] ref)
      throws SQLException {
    record Line(ValidatorEntry entry, ChainRole chain, long block) {}
    List<Line> lines =
        Sql.list(
            c,
            "SELECT * FROM validator_sets WHERE source = ? AND epoch = ? AND set_ref = ?"
                + " ORDER BY idx",
            ps -> {
              ps.setString(1, source.key());
              ps.setLong(2, epoch);
              ps.setBytes(3, ref);
            },
            rs ->
                new Line(
                    new ValidatorEntry(
                        rs.getInt("idx"),
                        Sql.address(rs, "address"),
                        Sql.data(rs, "bls_key"),
                        Sql.u256(rs, "voting_power")),
                    ChainRole.fromKey(rs.getString("chain")),
                    rs.getLong("block_number")));
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Optional<Hash32> tx = ref.length == 0 ? Optional.empty() : Optional.of(new Hash32(ref));
    return Optional.of(
        new ValidatorSetRow(
            source,
            epoch,
            tx,
            lines.stream().map(Line::entry).toList(),
            lines.get(0).chain(),
            lines.get(0).block()));
  }
}
