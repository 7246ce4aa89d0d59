package io.bridgescope.crypto.quorum;

/** Why a signer set falls short; names match the CheckpointManager revert reasons. */
public enum QuorumFailure {
  /** No validator below the validator count has its bit set. */
  BITMAP_IS_EMPTY,
  /** Signed voting power is not above floor(2 * total / 3). */
  INSUFFICIENT_VOTING_POWER
}
