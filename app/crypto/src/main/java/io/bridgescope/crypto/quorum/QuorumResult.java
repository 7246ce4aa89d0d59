package io.bridgescope.crypto.quorum;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a quorum check.
 *
 * @param signers validator indices that signed, ascending
 * @param nonSigners the other validator indices, ascending
 * @param signedPower sum of the signers' voting power
 * @param totalPower sum of all validators' voting power
 * @param threshold floor(2 * totalPower / 3); quorum needs signedPower strictly above it
 * @param failure empty when the quorum is reached
 */
public record QuorumResult(
    List<Integer> signers,
    List<Integer> nonSigners,
    BigInteger signedPower,
    BigInteger totalPower,
    BigInteger threshold,
    Optional<QuorumFailure> failure) {

  public QuorumResult {
    signers = List.copyOf(signers);
    nonSigners = List.copyOf(nonSigners);
  }

  public boolean reached() {
    return failure.isEmpty();
  }

  /** The failure name as the contract would revert with it, e.g. "BITMAP_IS_EMPTY". */
  public Optional<String> reason() {
    return failure.map(Enum::name);
  }

  /** The least signed power that reaches quorum: threshold + 1. */
  public BigInteger requiredPower() {
    return threshold.add(BigInteger.ONE);
  }

  /**
   * signedPower - requiredPower(): zero or more when reached (spare power), negative when not (the
   * power still missing, negated).
   */
  public BigInteger margin() {
    return signedPower.subtract(requiredPower());
  }
}
