package io.bridgescope.core.verify;

import io.bridgescope.core.evidence.EvidenceBundle;
import io.bridgescope.core.evidence.EvidenceBundle.CheckpointFields;
import io.bridgescope.core.evidence.EvidenceBundle.CommitmentFields;
import io.bridgescope.core.evidence.EvidenceBundle.Kind;
import io.bridgescope.core.evidence.EvidenceBundle.Leaf;
import io.bridgescope.core.evidence.EvidenceBundle.RejectedSubmission;
import io.bridgescope.core.evidence.EvidenceBundle.Verdict;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.SubmissionRevertDao;
import io.bridgescope.core.store.Uint256Column;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitSignature;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the evidence bundle of a commitment or checkpoint from the index, with the same leaves and
 * the same validator set the verifier judges it by, so {@code verify-evidence} re-checks exactly
 * what {@code verify} checked (ADR 0015).
 */
public final class EvidenceExport {

  private EvidenceExport() {}

  /** The commitment starting at {@code startId}, or empty if none is indexed. */
  public static Optional<EvidenceBundle> commitment(
      Connection c, NetworkProfile p, BigInteger startId) throws SQLException {
    Optional<CommitmentRow> found =
        new CommitmentDao(c).covering(startId).filter(r -> r.startId().equals(startId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CommitmentRow r = found.get();
    ValidatorSets.Lookup set =
        new ValidatorSets(new VerifyQueries(c))
            .forChildBlock(r.event().blockNumber(), p.epochSize());
    Optional<CommitSignature> sig = r.signature();
    return Optional.of(
        new EvidenceBundle(
            Kind.COMMITMENT,
            p.name(),
            p.blsScheme().key(),
            BigInteger.valueOf(p.child().chainId()),
            r.event().txHash(),
            Optional.of(new CommitmentFields(r.startId(), r.endId(), r.root())),
            Optional.empty(),
            leaves(
                c,
                "SELECT id, sender, receiver, data FROM state_syncs WHERE id BETWEEN ? AND ?"
                    + " ORDER BY id",
                ps -> {
                  ps.setBytes(1, Uint256Column.encode(r.startId()));
                  ps.setBytes(2, Uint256Column.encode(r.endId()));
                }),
            sig.map(CommitSignature::signature).orElse(Bytes.EMPTY),
            sig.map(CommitSignature::signerKeys).orElse(List.of()),
            sig.map(CommitSignature::bitmap).orElse(Bytes.EMPTY),
            label(set),
            set.set().map(ValidatorSetRef::validators).orElse(List.of()),
            verdict(c, VerdictKind.COMMITMENT, r.event().txHash()),
            List.of(),
            Optional.empty()));
  }

  /** The checkpoint submitted in {@code submitTx}, or empty if it is not indexed. */
  public static Optional<EvidenceBundle> checkpoint(Connection c, NetworkProfile p, Hash32 submitTx)
      throws SQLException {
    Optional<CheckpointRow> found = new CheckpointDao(c).byTx(submitTx);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CheckpointRow r = found.get();
    ValidatorSets.Lookup set = new ValidatorSets(new VerifyQueries(c)).beforeCheckpoint(r);
    // Only the epoch's exits emitted before the checkpoint block are in its tree (protocol.md).
    List<Leaf> leaves =
        leaves(
            c,
            "SELECT id, sender, receiver, data FROM exits WHERE epoch = ? AND block_number < ?"
                + " ORDER BY id",
            ps -> {
              ps.setLong(1, r.epoch());
              ps.setLong(2, r.checkpointBlock());
            });
    return Optional.of(
        new EvidenceBundle(
            Kind.CHECKPOINT,
            p.name(),
            p.blsScheme().key(),
            BigInteger.valueOf(p.child().chainId()),
            submitTx,
            Optional.empty(),
            Optional.of(
                new CheckpointFields(
                    r.epoch(),
                    r.checkpointBlock(),
                    r.eventRoot(),
                    r.blockHash(),
                    r.blockRound(),
                    r.currentValidatorSetHash(),
                    r.newValidatorSet())),
            leaves,
            r.signature(),
            List.of(),
            r.bitmap(),
            label(set),
            set.set().map(ValidatorSetRef::validators).orElse(List.of()),
            verdict(c, VerdictKind.CHECKPOINT, submitTx),
            rejected(c, r.epoch()),
            Optional.empty()));
  }

  /** The epoch's failed submissions, as the index recorded them (issue 14: beside the epoch). */
  private static List<RejectedSubmission> rejected(Connection c, long epoch) throws SQLException {
    return new SubmissionRevertDao(c)
        .ofEpoch(epoch).stream()
            .map(
                x ->
                    new RejectedSubmission(
                        x.submitTx(),
                        x.submitter(),
                        x.epoch(),
                        x.blockNumber(),
                        x.reason(),
                        x.source()))
            .toList();
  }

  private static String label(ValidatorSets.Lookup set) {
    if (set.set().isEmpty()) {
      return "unknown: " + set.missing();
    }
    ValidatorSetRef ref = set.set().get();
    return ref.label() + ref.doubt().map(d -> " (uncertain: " + d + ")").orElse("");
  }

  /** Status and reason only: the verification time would make two exports differ. */
  private static Optional<Verdict> verdict(Connection c, VerdictKind kind, Hash32 tx)
      throws SQLException {
    Optional<VerdictRow> v = new VerdictDao(c).get(kind, tx);
    return v.map(row -> new Verdict(row.status().key(), row.reason()));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<Leaf> leaves(Connection c, String sql, Binder binder) throws SQLException {
    List<Leaf> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] data = rs.getBytes(4);
          out.add(
              new Leaf(
                  new BigInteger(1, rs.getBytes(1)),
                  new Address(rs.getBytes(2)),
                  new Address(rs.getBytes(3)),
                  Bytes.of(data == null ? new byte[0] : data)));
        }
      }
    }
    return out;
  }
}
