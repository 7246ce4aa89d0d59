package io.bridgescope.desktop.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Settings: the external block explorer per chain, used by "Open in explorer" on hashes. */
final class SettingsDialog {

  private final NetworkSwitcher settings;
  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final TextField root = new TextField();
  private final TextField child = new TextField();

  SettingsDialog(NetworkSwitcher settings, Window owner) {
    this.settings = settings;
    dialog.initOwner(owner);
    dialog.setTitle("Settings");
    dialog.setHeaderText("Block explorers (a transaction opens at <url>/tx/<hash>)");
    root.setPromptText("https://etherscan.io");
    child.setPromptText("https://explorer.example.org");
    root.setText(settings.explorer(true).orElse(""));
    child.setText(settings.explorer(false).orElse(""));
    root.setPrefColumnCount(36);
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(8);
    g.addRow(0, new Label("Root chain explorer"), root);
    g.addRow(1, new Label("Child chain explorer"), child);
    dialog.getDialogPane().setContent(g);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
  }

  void showAndSave() {
    dialog
        .showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b -> {
              settings.setExplorer(true, root.getText());
              settings.setExplorer(false, child.getText());
            });
  }
}
