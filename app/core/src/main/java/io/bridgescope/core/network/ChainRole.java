package io.bridgescope.core.network;

/** Which side of the bridge a chain is; {@link #key()} is the stable name used in files and SQL. */
public enum ChainRole {
  ROOT("root"),
  CHILD("child");

  private final String key;

  ChainRole(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static ChainRole fromKey(String key) {
    for (ChainRole r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("chain: '" + key + "' is neither 'root' nor 'child'");
  }
}
