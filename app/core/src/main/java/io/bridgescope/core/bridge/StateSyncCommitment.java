package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/** {@code StateSyncCommitment{startId, endId, root}}. */
public record StateSyncCommitment(BigInteger startId, BigInteger endId, Hash32 root) {

  public AbiValue toAbi() {
    return AbiValue.tuple(AbiValue.uint(startId), AbiValue.uint(endId), AbiValue.bytes32(root));
  }

  public boolean covers(BigInteger id) {
    return id.compareTo(startId) >= 0 && id.compareTo(endId) <= 0;
  }

  public int size() {
    return endId.subtract(startId).intValueExact() + 1;
  }
}
