package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/** {@code Checkpoint{epoch, blockNumber, eventRoot}}. */
public record Checkpoint(BigInteger epoch, BigInteger blockNumber, Hash32 eventRoot) {

  public AbiValue toAbi() {
    return AbiValue.tuple(
        AbiValue.uint(epoch), AbiValue.uint(blockNumber), AbiValue.bytes32(eventRoot));
  }
}
