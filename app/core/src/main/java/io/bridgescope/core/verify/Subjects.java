package io.bridgescope.core.verify;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.proof.LeafQueries;
import io.bridgescope.core.proof.LeafSet;
import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.CommitmentDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.VerdictDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.store.rows.VerdictRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads subjects and what they are judged against from the index and checks them: a batch on one
 * read connection, with each validator set read once per batch. Safe to use from several threads at
 * once, each with its own batch.
 */
final class Subjects {

  /** A checked subject with the verdict it had before, to tell whether listeners must hear. */
  record Checked(
      VerdictKind kind,
      Hash32 tx,
      long block,
      String name,
      Finding finding,
      Optional<VerdictRow> before) {}

  private final Database db;
  private final long epochSize;
  private final CommitmentCheck commitments;
  private final CheckpointCheck checkpoints;

  Subjects(Database db, long epochSize, CommitmentCheck commitments, CheckpointCheck checkpoints) {
    this.db = db;
    this.epochSize = epochSize;
    this.commitments = commitments;
    this.checkpoints = checkpoints;
  }

  /** Checks {@code txs} in order; a subject that is not (or no longer) indexed is left out. */
  List<Checked> check(VerdictKind kind, List<Hash32> txs) {
    return db.read(
        c -> {
          ValidatorSets sets = new ValidatorSets(new VerifyQueries(c));
          if (kind == VerdictKind.COMMITMENT) {
            return commitments(c, sets, txs);
          }
          List<Checked> out = new ArrayList<>(txs.size());
          for (Hash32 tx : txs) {
            checkpoint(c, sets, tx).ifPresent(out::add);
          }
          return out;
        });
  }

  /** A commitment as read, with what it is judged against. */
  private record Read(
      Hash32 tx,
      CommitmentRow row,
      LeafSet leaves,
      ValidatorSets.Lookup set,
      Optional<VerdictRow> before) {}

  /** Reads the batch, checks the signatures of the well-formed ones together, then each one. */
  private List<Checked> commitments(Connection c, ValidatorSets sets, List<Hash32> txs)
      throws SQLException {
    List<Read> read = new ArrayList<>(txs.size());
    for (Hash32 tx : txs) {
      Optional<CommitmentRow> row = new CommitmentDao(c).byTx(tx);
      if (row.isEmpty()) {
        continue;
      }
      Optional<VerdictRow> before = new VerdictDao(c).get(VerdictKind.COMMITMENT, tx);
      CommitmentRow r = row.get();
      LeafSet leaves = LeafQueries.stateSyncLeaves(c, r.startId(), r.endId());
      ValidatorSets.Lookup set = sets.forChildBlock(r.event().blockNumber(), epochSize);
      read.add(new Read(tx, r, leaves, set, before));
    }
    Set<Hash32> valid =
        commitments.verifiedTogether(
            read.stream().map(Read::row).toList(), read.stream().map(Read::set).toList());
    List<Checked> out = new ArrayList<>(read.size());
    for (Read r : read) {
      boolean known = valid.contains(r.row().event().txHash());
      Finding f = commitments.check(r.row(), r.leaves(), r.set(), known);
      String name = "commitment " + r.row().startId() + ".." + r.row().endId();
      long block = r.row().event().blockNumber();
      out.add(new Checked(VerdictKind.COMMITMENT, r.tx(), block, name, f, r.before()));
    }
    return out;
  }

  private Optional<Checked> checkpoint(Connection c, ValidatorSets sets, Hash32 tx)
      throws SQLException {
    Optional<CheckpointRow> row = new CheckpointDao(c).byTx(tx);
    if (row.isEmpty() || !row.get().success()) {
      return Optional.empty();
    }
    Optional<VerdictRow> before = new VerdictDao(c).get(VerdictKind.CHECKPOINT, tx);
    CheckpointRow r = row.get();
    long indexedTo = new VerifyQueries(c).childIndexedTo();
    Optional<LeafSet> exits = Optional.empty();
    String missing = "";
    if (indexedTo >= r.checkpointBlock() - 1) {
      exits = Optional.of(LeafQueries.exitLeaves(c, r.epoch(), r.checkpointBlock()));
    } else {
      missing =
          "the child chain is indexed to block "
              + indexedTo
              + ", the exit tree needs blocks up to "
              + (r.checkpointBlock() - 1);
    }
    Finding f = checkpoints.check(r, exits, missing, sets.beforeCheckpoint(r));
    String name = "checkpoint of epoch " + r.epoch() + " at child block " + r.checkpointBlock();
    return Optional.of(new Checked(VerdictKind.CHECKPOINT, tx, r.blockNumber(), name, f, before));
  }
}
