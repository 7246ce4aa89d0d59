package io.bridgescope.core.store.rows;

/** Where a stored validator set was read from. */
public enum ValidatorSetSource {
  /** The initial set (genesis.json or CheckpointManager initialisation). */
  GENESIS("genesis"),
  /** The {@code newValidatorSet} of a checkpoint submission; keyed by the submit transaction. */
  CHECKPOINT("checkpoint"),
  /** The child chain's ValidatorSet contract for an epoch. */
  CHILD("child");

  private final String key;

  ValidatorSetSource(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static ValidatorSetSource fromKey(String key) {
    for (ValidatorSetSource s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("validator set source: unknown '" + key + "'");
  }
}
