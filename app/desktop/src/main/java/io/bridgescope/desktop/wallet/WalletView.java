package io.bridgescope.desktop.wallet;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Binds the Wallet screen. */
public final class WalletView {

  private final WalletViewModel vm;
  @FXML private Label statusLabel;
  @FXML private Button unlockButton;
  @FXML private Button withdrawButton;

  public WalletView(WalletViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    statusLabel.textProperty().bind(vm.statusProperty());
    unlockButton.disableProperty().bind(vm.availableProperty().not());
    withdrawButton.disableProperty().bind(vm.availableProperty().not());
  }
}
