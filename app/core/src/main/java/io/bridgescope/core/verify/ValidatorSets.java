package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.verify.VerifyQueries.CheckpointRef;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the validator set a commitment or checkpoint must be judged against, from the sets the root
 * chain recorded: the GENESIS set, then each successful submission's {@code newValidatorSet}
 * (docs/protocol.md: every submission replaces the set).
 *
 * <p>One instance serves one batch of subjects on one connection and reads each set once: a batch
 * of commitments is mostly signed by the same set.
 */
final class ValidatorSets {

  /** A set, or why none can be named yet. */
  record Lookup(Optional<ValidatorSetRef> set, String missing) {

    static Lookup found(ValidatorSetRef ref) {
      return new Lookup(Optional.of(ref), "");
    }

    static Lookup missing(String why) {
      return new Lookup(Optional.empty(), why);
    }
  }

  private final VerifyQueries q;
  private final Map<CheckpointRef, List<ValidatorEntry>> installed = new HashMap<>();
  private @Nullable List<ValidatorEntry> genesis;

  ValidatorSets(VerifyQueries q) {
    this.q = q;
  }

  /** The set in force before this submission: the previous successful one's, or genesis. */
  Lookup beforeCheckpoint(CheckpointRow cp) throws SQLException {
    Optional<CheckpointRef> prev = q.previousSuccessful(cp.blockNumber(), cp.txIndex());
    if (prev.isPresent()) {
      return installedBy(prev.get(), Optional.empty());
    }
    return genesis(Optional.empty());
  }

  /**
   * The set signing child block {@code childBlock}: the one installed by the last checkpoint below
   * it (an epoch-ending checkpoint carries the next epoch's set), else genesis. While the
   * checkpoint that ends the previous epoch is not on the root yet, a newer set may apply: the set
   * is then marked doubtful and a negative finding waits.
   */
  Lookup forChildBlock(long childBlock, long epochSize) throws SQLException {
    long epoch = childBlock == 0 ? 0 : (childBlock - 1) / epochSize + 1;
    long installingBlock = (epoch - 1) * epochSize;
    Optional<CheckpointRef> prev = q.lastCheckpointBelow(childBlock);
    Optional<String> doubt = Optional.empty();
    if (epoch > 1 && prev.map(p -> p.checkpointBlock() < installingBlock).orElse(true)) {
      doubt =
          Optional.of(
              "the validator set for child epoch "
                  + epoch
                  + " is not known yet: the checkpoint of child block "
                  + installingBlock
                  + " is not indexed on the root");
    }
    return prev.isPresent() ? installedBy(prev.get(), doubt) : genesis(doubt);
  }

  private Lookup installedBy(CheckpointRef cp, Optional<String> doubt) throws SQLException {
    List<ValidatorEntry> set = installed.get(cp);
    if (set == null) {
      set = validators(q.setOf(cp));
      installed.put(cp, set);
    }
    String label =
        "set installed by the checkpoint of epoch " + cp.epoch() + " (" + cp.submitTx() + ")";
    if (set.isEmpty()) {
      return Lookup.missing("the " + label + " is not indexed");
    }
    return Lookup.found(new ValidatorSetRef(label, set, doubt));
  }

  private Lookup genesis(Optional<String> doubt) throws SQLException {
    if (genesis == null) {
      genesis = validators(q.genesisSet());
    }
    if (genesis.isEmpty()) {
      return Lookup.missing("the initial (genesis) validator set is not indexed yet");
    }
    return Lookup.found(new ValidatorSetRef("genesis set", genesis, doubt));
  }

  private static List<ValidatorEntry> validators(Optional<ValidatorSetRow> set) {
    return set.map(ValidatorSetRow::validators).orElse(List.of());
  }
}
