package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;

/** A root-to-child message ({@code StateSync} struct); also the shape of an exit event. */
public record StateSync(BigInteger id, Address sender, Address receiver, byte[] data) {

  public StateSync {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The struct as an ABI tuple (dynamic, because of {@code data}). */
  public AbiValue toAbi() {
    return AbiValue.tuple(
        AbiValue.uint(id),
        AbiValue.address(sender),
        AbiValue.address(receiver),
        AbiValue.bytes(data));
  }
}
