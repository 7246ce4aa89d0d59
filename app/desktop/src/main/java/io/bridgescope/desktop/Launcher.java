package io.bridgescope.desktop;

import javafx.application.Application;

/**
 * Entry point: {@code gui} (the last network) or {@code demo} (the embedded devnet). It must not
 * extend Application: JavaFX then runs from the class path, which web3j's split packages need
 * (docs/architecture.md, "Chosen libraries").
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    Application.launch(BridgescopeApp.class, args);
  }
}
