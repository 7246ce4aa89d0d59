package io.bridgescope.desktop.search;

import io.bridgescope.desktop.Screen;

/** What a search key may name, and the screen that shows that kind of thing. */
public enum SearchKind {
  TX_HASH("transaction", Screen.DEPOSITS),
  ADDRESS("address", Screen.DEPOSITS),
  STATE_SYNC_ID("state-sync id (deposit)", Screen.DEPOSITS),
  EXIT_ID("exit id (withdrawal)", Screen.EXITS),
  COMMITMENT("commitment", Screen.COMMITMENTS),
  EPOCH("epoch (checkpoint)", Screen.CHECKPOINTS);

  private final String label;
  private final Screen screen;

  SearchKind(String label, Screen screen) {
    this.label = label;
    this.screen = screen;
  }

  public String label() {
    return label;
  }

  public Screen screen() {
    return screen;
  }
}
