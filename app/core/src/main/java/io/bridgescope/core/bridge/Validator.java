package io.bridgescope.core.bridge;

import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code Validator{_address, uint256[4] blsKey, votingPower}}; {@code blsKey} is in the on-chain
 * order {@code [x.real, x.imag, y.real, y.imag]} (docs/protocol.md, BLS encodings).
 */
public record Validator(Address address, List<BigInteger> blsKey, BigInteger votingPower) {

  public Validator {
    if (blsKey.size() != 4) {
      throw new IllegalArgumentException(
          "validator blsKey: expected 4 words, got " + blsKey.size());
    }
    blsKey = List.copyOf(blsKey);
  }

  public AbiValue toAbi() {
    return AbiValue.tuple(
        AbiValue.address(address),
        AbiValue.fixedArray(blsKey.stream().map(AbiValue::uint).toList()),
        AbiValue.uint(votingPower));
  }

  public static AbiValue toAbi(List<Validator> set) {
    return AbiValue.array(set.stream().map(Validator::toAbi).toList());
  }
}
