package io.bridgescope.core.store.rows;

/** Where a journaled transaction stands. */
public enum TxState {
  /** Signed and journaled, not yet accepted by a node: resend after a crash. */
  SIGNED("signed"),
  SENT("sent"),
  MINED("mined"),
  /** Mined and reverted, or rejected by the node. */
  FAILED("failed"),
  DROPPED("dropped"),
  /** Another transaction with the same nonce was mined. */
  REPLACED("replaced");

  private final String key;

  TxState(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean isFinal() {
    return this == MINED || this == FAILED || this == DROPPED || this == REPLACED;
  }

  public static TxState fromKey(String key) {
    for (TxState s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("tx state: unknown '" + key + "'");
  }
}
