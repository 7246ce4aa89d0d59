package io.bridgescope.core.store.rows;

/** What a bridge message's data holds (docs/protocol.md, ERC-20 payloads). */
public enum PayloadKind {
  /** Root to child ERC-20 deposit; the row carries an {@link Erc20Transfer}. */
  DEPOSIT("deposit"),
  /** Child to root ERC-20 withdrawal; the row carries an {@link Erc20Transfer}. */
  WITHDRAWAL("withdrawal"),
  MAP_TOKEN("map_token"),
  /** Anything else: an arbitrary message to the receiver contract. */
  MESSAGE("message");

  private final String key;

  PayloadKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean isTransfer() {
    return this == DEPOSIT || this == WITHDRAWAL;
  }

  public static PayloadKind fromKey(String key) {
    for (PayloadKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("payload kind: unknown '" + key + "'");
  }
}
