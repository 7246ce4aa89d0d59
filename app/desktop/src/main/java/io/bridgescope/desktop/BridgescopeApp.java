package io.bridgescope.desktop;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.desktop.dialogs.FxFilePicker;
import io.bridgescope.desktop.engine.DesktopSettings;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.wallet.SessionWallet;
import io.bridgescope.desktop.widgets.FxClipboard;
import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: opens the last network (first run and {@code demo}: the embedded devnet)
 * in the background, shows the shell at once, and closes the session and its devnet on exit.
 */
public final class BridgescopeApp extends Application {

  private static final Logger LOG = LoggerFactory.getLogger(BridgescopeApp.class);

  private AppContext context;
  private SessionManager sessions;
  private Stage stage;
  private boolean demo;

  @Override
  public void init() {
    List<String> args = getParameters().getRaw();
    demo = !args.isEmpty() && args.get(0).equals("demo");
    sessions = new SessionManager(DataDir.standard());
    context =
        new AppContext(
            EnginePorts.over(sessions),
            Platform::runLater,
            () -> stage,
            new FxClipboard(),
            new FxFilePicker(() -> stage),
            url -> getHostServices().showDocument(url),
            SessionWallet.over(sessions));
    context.setNetworks(new EngineNetworks(sessions));
  }

  @Override
  public void start(Stage primaryStage) {
    stage = primaryStage;
    Parent root = context.viewLoader().load(Screen.MAIN_FXML).root();
    primaryStage.setTitle("Bridgescope");
    primaryStage.setScene(new Scene(root, 1280, 800));
    primaryStage.show();
    reportFirstPaint();
    if (demo) {
      sessions.open(DesktopSettings.DEVNET);
    } else {
      sessions.openLast();
    }
  }

  /** Cold start to first paint, from JVM start to the first frame after the window showed. */
  private static void reportFirstPaint() {
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("First paint {} ms after JVM start", ms);
      }
    }.start();
  }

  @Override
  public void stop() {
    context.close();
    sessions.close(); // stops the indexer and, for the devnet, its anvil nodes
  }
}
