package io.bridgescope.core.asset;

/**
 * Where a bridged token is native: root-native tokens are escrowed on root and minted on the child,
 * child-native ones (Edge's "root-mintable" family) the other way round (docs/protocol.md).
 */
public enum TokenHome {
  ROOT("root_native"),
  CHILD("child_native");

  private final String key;

  TokenHome(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static TokenHome fromKey(String key) {
    for (TokenHome h : values()) {
      if (h.key.equals(key)) {
        return h;
      }
    }
    throw new IllegalArgumentException("token home: unknown '" + key + "'");
  }
}
