package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One validator of a set, at position {@code index} (the bitmap bit). {@code blsKey} is as the
 * chain gives it (bn254-edge: the four uint256 words of {@code Validator.blsKey}, on-chain order).
 */
public record ValidatorEntry(int index, Address address, Bytes blsKey, BigInteger votingPower) {

  public ValidatorEntry {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(blsKey, "blsKey");
    Objects.requireNonNull(votingPower, "votingPower");
    if (index < 0) {
      throw new IllegalArgumentException("validator index " + index + " is negative");
    }
  }
}
