package io.bridgescope.core.asset;

/**
 * Which way a bridge message travels: a root {@code StateSynced} or a child {@code L2StateSynced}.
 */
public enum Direction {
  TO_CHILD("to_child"),
  TO_ROOT("to_root");

  private final String key;

  Direction(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean towardsChild() {
    return this == TO_CHILD;
  }

  public static Direction fromKey(String key) {
    for (Direction d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("direction: unknown '" + key + "'");
  }
}
