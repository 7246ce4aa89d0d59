package io.bridgescope.crypto.quorum;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The root-chain quorum rule (docs/protocol.md, "BLS (Edge flavour)"): at least one signer, and
 * signed voting power {@code > floor(2 * total / 3)}. The child chain does not check quorum, so the
 * product checks it here for both directions.
 */
public final class Quorum {

  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private Quorum() {}

  /**
   * Checks the signers named by {@code bitmap} against the validator set's voting powers (index i =
   * validator i). Bits at or above the validator count are ignored, as on chain.
   *
   * @throws InvalidEncodingException if a power or their sum is negative or not below 2^256
   */
  public static QuorumResult check(byte[] bitmap, List<BigInteger> votingPowers) {
    if (bitmap == null) {
      throw new InvalidEncodingException("bitmap", "missing");
    }
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < votingPowers.size(); i++) {
      total = total.add(checkUint256("votingPowers[" + i + "]", votingPowers.get(i)));
    }
    // The contract keeps the total and 2 * total in uint256, so a larger set could never be stored.
    checkUint256("totalVotingPower * 2", total.multiply(TWO));

    List<Integer> signers = ValidatorBitmap.signers(bitmap, votingPowers.size());
    List<Integer> nonSigners = new ArrayList<>();
    BigInteger signed = BigInteger.ZERO;
    int next = 0;
    for (int i = 0; i < votingPowers.size(); i++) {
      if (next < signers.size() && signers.get(next) == i) {
        signed = signed.add(votingPowers.get(i));
        next++;
      } else {
        nonSigners.add(i);
      }
    }
    BigInteger threshold = total.multiply(TWO).divide(THREE);
    Optional<QuorumFailure> failure;
    if (signers.isEmpty()) {
      failure = Optional.of(QuorumFailure.BITMAP_IS_EMPTY);
    } else if (signed.compareTo(threshold) <= 0) {
      failure = Optional.of(QuorumFailure.INSUFFICIENT_VOTING_POWER);
    } else {
      failure = Optional.empty();
    }
    return new QuorumResult(signers, nonSigners, signed, total, threshold, failure);
  }

  private static BigInteger checkUint256(String field, BigInteger value) {
    if (value == null) {
      throw new InvalidEncodingException(field, "missing");
    }
    if (value.signum() < 0) {
      throw new InvalidEncodingException(field, "voting power must not be negative: " + value);
    }
    if (value.compareTo(UINT256_LIMIT) >= 0) {
      throw new InvalidEncodingException(field, "does not fit in uint256: " + value);
    }
    return value;
  }
}
