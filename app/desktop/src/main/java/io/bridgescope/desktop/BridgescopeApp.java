package io.bridgescope.desktop;

import io.bridgescope.desktop.ports.UiPorts;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the context, shows the shell, closes everything on exit. */
public final class BridgescopeApp extends Application {

  private AppContext context;
  private Stage stage;

  @Override
  public void init() {
    context = new AppContext(UiPorts.notConnected(), Platform::runLater, () -> stage);
  }

  @Override
  public void start(Stage primaryStage) {
    stage = primaryStage;
    Parent root = context.viewLoader().load(Screen.MAIN_FXML).root();
    primaryStage.setTitle("Bridgescope");
    primaryStage.setScene(new Scene(root, 1280, 800));
    primaryStage.show();
  }

  @Override
  public void stop() {
    context.close();
  }
}
