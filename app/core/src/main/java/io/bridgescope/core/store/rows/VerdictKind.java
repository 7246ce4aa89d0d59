package io.bridgescope.core.store.rows;

import io.bridgescope.core.network.ChainRole;

/** What a verdict is about; the subject lives on {@link #chain()}. */
public enum VerdictKind {
  COMMITMENT("commitment", ChainRole.CHILD),
  CHECKPOINT("checkpoint", ChainRole.ROOT);

  private final String key;
  private final ChainRole chain;

  VerdictKind(String key, ChainRole chain) {
    this.key = key;
    this.chain = chain;
  }

  public String key() {
    return key;
  }

  public ChainRole chain() {
    return chain;
  }

  public static VerdictKind fromKey(String key) {
    for (VerdictKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("verdict kind: unknown '" + key + "'");
  }
}
