package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/** {@code CheckpointMetadata{blockHash, blockRound, currentValidatorSetHash}}. */
public record CheckpointMetadata(
    Hash32 blockHash, BigInteger blockRound, Hash32 currentValidatorSetHash) {

  public AbiValue toAbi() {
    return AbiValue.tuple(
        AbiValue.bytes32(blockHash),
        AbiValue.uint(blockRound),
        AbiValue.bytes32(currentValidatorSetHash));
  }
}
