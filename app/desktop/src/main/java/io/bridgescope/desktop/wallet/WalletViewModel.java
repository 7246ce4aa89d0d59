package io.bridgescope.desktop.wallet;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The Wallet screen. Withdrawing needs the keystore, proof builder, exit planner and transaction
 * journal from core, none of which exist yet, so the screen states that and offers no action.
 */
public final class WalletViewModel {

  static final String NOT_AVAILABLE =
      "The wallet is not available yet: withdrawing needs the keystore, the proof builder and the"
          + " exit planner, which are not built. Nothing on this screen can send a transaction.";

  private final SimpleStringProperty status = new SimpleStringProperty(NOT_AVAILABLE);
  private final SimpleBooleanProperty available = new SimpleBooleanProperty(false);

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyBooleanProperty availableProperty() {
    return available;
  }
}
