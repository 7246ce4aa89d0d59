package io.bridgescope.core.store.rows;

/** Why the wallet sent a transaction. */
public enum TxPurpose {
  EXIT("exit"),
  BATCH_EXIT("batch_exit"),
  DEPOSIT("deposit"),
  APPROVE("approve"),
  WITHDRAW("withdraw"),
  EXECUTE("execute"),
  OTHER("other");

  private final String key;

  TxPurpose(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static TxPurpose fromKey(String key) {
    for (TxPurpose p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("tx purpose: unknown '" + key + "'");
  }
}
