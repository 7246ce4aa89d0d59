package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.CheckpointRow;
import io.bridgescope.core.store.rows.ValidatorSetRow;
import io.bridgescope.core.verify.VerifyQueries.CheckpointRef;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds the validator set a commitment or checkpoint must be judged against, from the sets the root
 * chain recorded: the GENESIS set, then each successful submission's {@code newValidatorSet}
 * (docs/protocol.md: every submission replaces the set).
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
    Optional<ValidatorSetRow> set = q.setOf(cp);
    String label =
        "set installed by the checkpoint of epoch " + cp.epoch() + " (" + cp.submitTx() + ")";
    if (set.isEmpty() || set.get().validators().isEmpty()) {
      return Lookup.missing("the " + label + " is not indexed");
    }
    return Lookup.found(new ValidatorSetRef(label, set.get().validators(), doubt));
  }

  private Lookup genesis(Optional<String> doubt) throws SQLException {
    Optional<ValidatorSetRow> set = q.genesisSet();
    if (set.isEmpty() || set.get().validators().isEmpty()) {
      return Lookup.missing("the initial (genesis) validator set is not indexed yet");
    }
    return Lookup.found(new ValidatorSetRef("genesis set", set.get().validators(), doubt));
  }
}
