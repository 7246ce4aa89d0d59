package io.bridgescope.core.store.rows;

/** The verifier's finding about a commitment or checkpoint. */
public enum VerdictStatus {
  VERIFIED("verified"),
  /** The Merkle root rebuilt from indexed leaves differs from the one on chain. */
  MISMATCH("mismatch"),
  INVALID_SIGNATURE("invalid_signature"),
  /** The signers' voting power is not above two thirds of the set's. */
  NO_QUORUM("no_quorum"),
  /** Not decidable yet, e.g. leaves or the validator set are not indexed. */
  PENDING("pending");

  private final String key;

  VerdictStatus(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static VerdictStatus fromKey(String key) {
    for (VerdictStatus s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("verdict status: unknown '" + key + "'");
  }
}
