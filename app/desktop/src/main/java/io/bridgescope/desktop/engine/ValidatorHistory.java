package io.bridgescope.desktop.engine;

import io.bridgescope.core.store.CheckpointDao;
import io.bridgescope.core.store.ValidatorSetDao;
import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.store.rows.ValidatorSetSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which validator set signs what, from the sets the root chain recorded: the genesis set, then each
 * successful checkpoint's {@code newValidatorSet} (every submission replaces the set,
 * docs/protocol.md "CheckpointManager submit"). Same rule as the verifier's.
 */
final class ValidatorHistory {

  /** A set and where it came from, in words. */
  record SetRef(String label, List<ValidatorEntry> validators) {}

  private final Connection c;
  private @Nullable List<CheckpointRow> oldestFirst;

  ValidatorHistory(Connection c) {
    this.c = c;
  }

  /** Every checkpoint submission, oldest first (checkpoints are few: one per epoch or two). */
  List<CheckpointRow> checkpoints() throws SQLException {
    if (oldestFirst == null) {
      List<CheckpointRow> all = new ArrayList<>();
      CheckpointDao dao = new CheckpointDao(c);
      Optional<CheckpointRow> after = Optional.empty();
      while (true) {
        List<CheckpointRow> page = dao.page(after, 1000);
        all.addAll(page);
        if (page.size() < 1000) {
          break;
        }
        after = Optional.of(page.get(page.size() - 1));
      }
      Collections.reverse(all);
      oldestFirst = all;
    }
    return oldestFirst;
  }

  Optional<SetRef> genesis() throws SQLException {
    return new ValidatorSetDao(c)
        .get(ValidatorSetSource.GENESIS, 0)
        .map(ValidatorSetRow::validators)
        .filter(v -> !v.isEmpty())
        .map(v -> new SetRef("genesis set", v));
  }

  /** The set in force before {@code cp} was submitted: the one the submission must be signed by. */
  Optional<SetRef> beforeCheckpoint(CheckpointRow cp) throws SQLException {
    CheckpointRow prev = null;
    for (CheckpointRow r : checkpoints()) {
      if (r.submitTx().equals(cp.submitTx())) {
        break;
      }
      if (r.success()) {
        prev = r;
      }
    }
    return prev == null ? genesis() : installedBy(prev);
  }

  /** The set signing child block {@code childBlock}: installed by the last checkpoint below it. */
  Optional<SetRef> forChildBlock(long childBlock) throws SQLException {
    CheckpointRow prev = null;
    for (CheckpointRow r : checkpoints()) {
      if (r.success() && r.checkpointBlock() < childBlock) {
        prev = r;
      }
    }
    return prev == null ? genesis() : installedBy(prev);
  }

  private static Optional<SetRef> installedBy(CheckpointRow cp) {
    return cp.newValidatorSet().isEmpty()
        ? Optional.empty()
        : Optional.of(
            new SetRef(
                "set installed by the checkpoint of epoch " + cp.epoch(), cp.newValidatorSet()));
  }
}
