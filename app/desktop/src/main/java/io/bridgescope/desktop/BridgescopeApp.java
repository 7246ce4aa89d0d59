package io.bridgescope.desktop;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.link.MessageLink;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.wallet.SessionWallet;
import io.bridgescope.devnet.DemoFlags;
import java.lang.management.ManagementFactory;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
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
  private @Nullable String link;

  @Override
  public void init() {
    List<String> args = getParameters().getRaw();
    demo = !args.isEmpty() && args.get(0).equals("demo");
    link = args.size() == 2 && args.get(0).equals("open") ? args.get(1) : null;
    sessions = new SessionManager(DataDir.standard());
    SessionWallet wallet = SessionWallet.over(sessions);
    context =
        new AppContext(
            AppWiring.of(EnginePorts.over(sessions), Platform::runLater, () -> stage)
                .withOpenUrl(url -> getHostServices().showDocument(url))
                .withWallet(wallet)
                .withActivity(wallet)
                .withNetworks(new EngineNetworks(sessions)));
  }

  @Override
  public void start(Stage primaryStage) {
    stage = primaryStage;
    Parent root = context.viewLoader().load(Screen.MAIN_FXML).root();
    primaryStage.setTitle("Bridgescope");
    primaryStage.setScene(new Scene(root, 1280, 800));
    // below this the navigation and the detail panes cut their labels off
    primaryStage.setMinWidth(1024);
    primaryStage.setMinHeight(680);
    primaryStage.show();
    reportFirstPaint();
    if (demo) {
      openDemo();
    } else if (link != null) {
      openLink(link);
    } else {
      sessions.openLast();
    }
  }

  /**
   * {@code open URI} (Dispatch checked it): its network, or the last one, then the item once the
   * index holds it.
   */
  private void openLink(String uri) {
    MessageLink l;
    try {
      l = MessageLink.parse(uri);
    } catch (MessageLink.BadLinkException e) {
      sessions.openLast();
      sessions.reportProblem("Could not open the link: " + e.getMessage());
      return;
    }
    String network = l.network();
    if (network == null) {
      sessions.openLast();
    } else {
      sessions.openNamed(network);
    }
    context.main().openLink(l.searchText());
  }

  /** The embedded devnet with every {@code demo} flag the user gave (the fault knobs too). */
  private void openDemo() {
    List<String> args = getParameters().getRaw();
    try {
      sessions.openDevnet(DemoFlags.parse(args.subList(1, args.size())));
    } catch (DemoFlags.BadFlagException e) {
      // Dispatch checks the flags before the window opens; this is the app started otherwise.
      LOG.warn("Not starting the devnet: {}", e.getMessage());
      sessions.reportProblem("Could not start the devnet: " + e.getMessage());
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
