package io.bridgescope.desktop.dialogs;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** {@link Dialogs} as JavaFX alerts, owned by the main window so they stay on top of it. */
public final class FxDialogs implements Dialogs {

  private final Supplier<Window> owner;

  public FxDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String message) {
    alert(Alert.AlertType.ERROR, title, message).show();
  }

  @Override
  public void showInfo(String title, String message) {
    alert(Alert.AlertType.INFORMATION, title, message).show();
  }

  @Override
  public void confirm(String title, String message, Consumer<Boolean> onAnswer) {
    Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
    alert.setOnHidden(e -> onAnswer.accept(alert.getResult() == ButtonType.OK));
    alert.show();
  }

  private Alert alert(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type, message);
    alert.setTitle(title);
    alert.setHeaderText(title);
    Window window = owner.get();
    if (window != null) {
      alert.initOwner(window);
    }
    return alert;
  }
}
