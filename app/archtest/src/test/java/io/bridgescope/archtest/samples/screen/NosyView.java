package io.bridgescope.archtest.samples.screen;

import io.bridgescope.desktop.wallet.WalletViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** A View that binds another screen's ViewModel, on purpose (HouseRulesCatchTest). */
public final class NosyView {

  private final WalletViewModel wallet;
  @FXML private Label balances;

  public NosyView(WalletViewModel wallet) {
    this.wallet = wallet;
  }

  @FXML
  private void initialize() {
    balances.textProperty().bind(wallet.balancesProperty());
  }
}
