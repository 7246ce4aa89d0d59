package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.desktop.concurrent.CoreExecutors;
import io.bridgescope.desktop.concurrent.ExecutorTaskRunner;
import io.bridgescope.desktop.engine.EngineNetworks;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.shell.GenesisImportDialog;
import io.bridgescope.desktop.shell.GenesisImportViewModel;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The genesis import dialog on screen, with a real Edge genesis (core's fixture) and the engine's
 * switcher on worker threads: a refusal is shown in the dialog, a correction imports and closes.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class GenesisImportDialogFxTest {

  @TempDir Path dir;

  private final CoreExecutors executors = new CoreExecutors(2);
  private SessionManager sessions;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
    stage.show();
  }

  @AfterEach
  void stop() {
    executors.close();
    if (sessions != null) {
      sessions.close();
    }
  }

  @Test
  void aRefusalStaysInTheDialogAndACorrectionImports(FxRobot robot) throws Exception {
    Path file = dir.resolve("genesis.json");
    try (var in = getClass().getResourceAsStream("/genesis/chain-games-69421.json")) {
      Files.copy(in, file);
    }
    sessions = new SessionManager(new DataDir(dir));
    EngineNetworks networks = new EngineNetworks(sessions);
    List<String> opened = new CopyOnWriteArrayList<>();
    GenesisImportViewModel vm =
        new GenesisImportViewModel(
            networks,
            new ExecutorTaskRunner(executors.workers(), Platform::runLater),
            file,
            EdgeGenesisImport.read(file),
            opened::add);
    GenesisImportDialog dialog = Fx.call(() -> new GenesisImportDialog(vm, stage));
    Fx.run(dialog::show);

    set(robot, "#genesisChildRpc", "http://127.0.0.1:9");
    set(robot, "#genesisRootRpc", "http://127.0.0.1:9");
    robot.clickOn("#genesisImport");
    Label error = robot.lookup("#genesisError").queryAs(Label.class);
    Fx.waitUntil(() -> error.getText().contains("root.chainId: could not ask"));
    assertThat(dialog.dialog().isShowing()).isTrue();
    Screenshots.save(dialog.dialog().getDialogPane(), "genesis-import-refused");

    set(robot, "#genesisRootChainId", "137");
    robot.clickOn("#genesisImport");
    Fx.waitUntil(() -> !dialog.dialog().isShowing());
    assertThat(opened).containsExactly("polygon-edge-69421");
    assertThat(new DataDir(dir).profile("polygon-edge-69421").root().chainId()).isEqualTo(137);
  }

  private static void set(FxRobot robot, String id, String text) {
    TextField f = robot.lookup(id).queryAs(TextField.class);
    // Set, not typed: key events race with the field (see the search test).
    Fx.run(() -> f.setText(text));
  }
}
