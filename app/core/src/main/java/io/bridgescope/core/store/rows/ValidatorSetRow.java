package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validator set as of {@code epoch}. {@code checkpointTx} is set exactly for source CHECKPOINT;
 * {@code chain}/{@code blockNumber} say where it was read, so a reorg rewind removes it.
 */
public record ValidatorSetRow(
    ValidatorSetSource source,
    long epoch,
    Optional<Hash32> checkpointTx,
    List<ValidatorEntry> validators,
    ChainRole chain,
    long blockNumber) {

  public ValidatorSetRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(chain, "chain");
    validators = List.copyOf(validators);
    if ((source == ValidatorSetSource.CHECKPOINT) != checkpointTx.isPresent()) {
      throw new IllegalArgumentException(
          "validator set: a checkpoint transaction goes with source CHECKPOINT only");
    }
  }
}
