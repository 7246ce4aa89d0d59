package io.bridgescope.desktop.merkle;

/** How a node is highlighted; each role has its own colour and legend entry. */
public enum NodeRole {
  NONE,
  /** The selected leaf. */
  SELECTED_LEAF,
  /** A node the proof hashes up through (leaf to root, exclusive of both ends). */
  PATH,
  /** A proof element: hashed together with the path node of its level. */
  SIBLING,
  /** The root the proof must reach. */
  ROOT
}
