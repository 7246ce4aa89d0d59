package io.bridgescope.desktop.shell;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Open team index…" (binding only; {@link TeamIndexViewModel} holds the state and connects). The
 * dialog stays open while connecting, with the progress shown, and shows a refusal next to the URL;
 * Cancel stops waiting and keeps the open network.
 */
public final class TeamIndexDialog {

  public static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

  private final Dialog<ButtonType> dialog = new Dialog<>();

  public TeamIndexDialog(TeamIndexViewModel vm, Window owner) {
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle("Open team index");
    dialog.setHeaderText(
        "Read this network from a shared index on PostgreSQL, kept by the team's indexer.\n"
            + "The password comes from PGPASSWORD or ~/.pgpass, never from the URL.");
    TextField url = new TextField();
    url.setId("teamUrl");
    url.setPrefColumnCount(48);
    url.setPromptText("postgresql://[USER@]HOST[:PORT]/DB[?sslmode=verify-full]");
    url.setTooltip(new Tooltip("as --db on the command line, or the profile's \"store\""));
    url.textProperty().bindBidirectional(vm.urlProperty());
    url.disableProperty().bind(vm.busyProperty());

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.busyProperty());
    spinner.managedProperty().bind(vm.busyProperty());
    Label progress = new Label();
    progress.setId("teamProgress");
    progress.textProperty().bind(vm.progressProperty());
    HBox connecting = new HBox(8, spinner, progress);

    Label error = new Label();
    error.setId("teamError");
    error.setWrapText(true);
    error.setMaxWidth(560);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(vm.errorProperty());
    error
        .textProperty()
        .addListener(
            (obs, old, now) -> {
              if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
              }
            });
    dialog
        .getDialogPane()
        .setContent(new VBox(10, new Label("Team index URL"), url, connecting, error));
    dialog.getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
    Button ok = (Button) dialog.getDialogPane().lookupButton(OPEN);
    ok.setId("teamOpen");
    ok.disableProperty().bind(vm.busyProperty());
    ok.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          event.consume();
          vm.submit();
        });
    Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
    cancel.setId("teamCancel");
    cancel.addEventFilter(
        ActionEvent.ACTION,
        event -> {
          if (vm.busyProperty().get()) {
            // the first Cancel stops the connecting; the dialog stays to try another URL
            event.consume();
            vm.cancel();
          }
        });
    vm.openedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now) {
                dialog.setResult(OPEN);
                dialog.close();
              }
            });
    dialog.setOnHidden(e -> vm.cancel());
  }

  public Dialog<ButtonType> dialog() {
    return dialog;
  }

  /** Shows the dialog without waiting for it. */
  public void show() {
    dialog.show();
  }
}
