package io.bridgescope.core.store.rows;

/** What a watch-list entry follows. */
public enum WatchKind {
  ADDRESS("address"),
  DEPOSIT("deposit"),
  EXIT("exit"),
  TX("tx");

  private final String key;

  WatchKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static WatchKind fromKey(String key) {
    for (WatchKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("watch kind: unknown '" + key + "'");
  }
}
