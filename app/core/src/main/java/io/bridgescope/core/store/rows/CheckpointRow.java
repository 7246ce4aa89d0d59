package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A decoded {@code CheckpointManager.submit} transaction on root, successful or not. {@code
 * checkpointBlock} is {@code Checkpoint.blockNumber} (a child block); {@code blockNumber}, {@code
 * blockTime} and {@code txIndex} locate the submit transaction on root.
 */
public record CheckpointRow(
    Hash32 submitTx,
    Address submitter,
    boolean success,
    long epoch,
    long checkpointBlock,
    Hash32 eventRoot,
    Hash32 blockHash,
    BigInteger blockRound,
    Hash32 currentValidatorSetHash,
    Bytes signature,
    Bytes bitmap,
    List<ValidatorEntry> newValidatorSet,
    long blockNumber,
    long blockTime,
    int txIndex) {

  public CheckpointRow {
    Objects.requireNonNull(submitTx, "submitTx");
    Objects.requireNonNull(submitter, "submitter");
    Objects.requireNonNull(eventRoot, "eventRoot");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(blockRound, "blockRound");
    Objects.requireNonNull(currentValidatorSetHash, "currentValidatorSetHash");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(bitmap, "bitmap");
    newValidatorSet = List.copyOf(newValidatorSet);
  }
}
