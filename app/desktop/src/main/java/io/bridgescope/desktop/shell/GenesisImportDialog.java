package io.bridgescope.desktop.shell;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for what an Edge genesis.json lacks (binding only; {@link GenesisImportViewModel} holds the
 * state and does the work). "Import" keeps the dialog open until the profile is saved, so a refusal
 * (an unreachable node, a taken name) is shown next to the fields to correct.
 */
public final class GenesisImportDialog {

  public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

  private final Dialog<ButtonType> dialog = new Dialog<>();

  public GenesisImportDialog(GenesisImportViewModel vm, Window owner) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Import an Edge genesis");
    dialog.setHeaderText(vm.summary());
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(8);
    int row = 0;
    row = field(g, row, "Profile name", "genesisName", vm.nameProperty(), "--name");
    row =
        field(
            g,
            row,
            "Root chain RPC URL",
            "genesisRootRpc",
            vm.rootRpcProperty(),
            "--root-rpc; several URLs separated by commas are tried in order");
    row =
        field(
            g, row, "Child chain RPC URL", "genesisChildRpc", vm.childRpcProperty(), "--child-rpc");
    row =
        field(
            g,
            row,
            "Root chain id",
            "genesisRootChainId",
            vm.rootChainIdProperty(),
            "--root-chain-id; leave empty to ask the root node (eth_chainId)");
    row =
        field(
            g,
            row,
            "Confirmations",
            "genesisConfirmations",
            vm.confirmationsProperty(),
            "--confirmations: blocks behind the head before a block is trusted");
    for (var e : vm.missingContracts().entrySet()) {
      row =
          field(
              g,
              row,
              e.getKey() + " (root)",
              "genesisContract-" + e.getKey(),
              e.getValue(),
              "--contract " + e.getKey() + "=0x…: this genesis does not name it");
    }
    CheckBox replace = new CheckBox("Replace a saved profile of the same name (--force)");
    replace.setId("genesisReplace");
    replace.selectedProperty().bindBidirectional(vm.replaceProperty());
    g.add(replace, 1, row);
    Label error = new Label();
    error.setId("genesisError");
    error.setWrapText(true);
    error.setMaxWidth(560);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(vm.errorProperty());
    // A refusal may list several problems: grow the window to show all of it.
    error
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
              }
            });
    dialog.getDialogPane().setContent(new VBox(10, g, error));
    dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
    Button ok = (Button) dialog.getDialogPane().lookupButton(IMPORT);
    ok.setId("genesisImport");
    ok.disableProperty().bind(vm.busyProperty());
    // Import runs in the background; the dialog closes when it succeeded, not on the click.
    ok.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          event.consume();
          vm.submit();
        });
    vm.importedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                dialog.setResult(IMPORT);
                dialog.close();
              }
            });
  }

  public Dialog<ButtonType> dialog() {
    return dialog;
  }

  /** Shows the dialog without waiting for it. */
  public void show() {
    dialog.show();
  }

  private static int field(
      GridPane g,
      int row,
      String label,
      String id,
      javafx.beans.property.StringProperty value,
      String tip) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(36);
    f.textProperty().bindBidirectional(value);
    f.setTooltip(new Tooltip(tip));
    g.addRow(row, new Label(label), f);
    return row + 1;
  }
}
