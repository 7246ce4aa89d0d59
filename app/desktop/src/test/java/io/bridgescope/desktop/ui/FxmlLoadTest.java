package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.ViewLoader;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.shell.MainView;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class FxmlLoadTest {

  private final AppContext context =
      new AppContext(
          UiPorts.notConnected(), Platform::runLater, () -> null, new RecordingClipboard());

  @Start
  void start(Stage stage) {
    // the toolkit is all these tests need
  }

  @AfterEach
  void close() {
    context.close();
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void everyScreenFxmlLoadsWithItsView(Screen screen) {
    ViewLoader.Loaded<Object> loaded = Fx.call(() -> context.viewLoader().load(screen.fxml()));
    assertThat(loaded.root()).isNotNull();
    assertThat(loaded.controller().getClass().getSimpleName())
        .isEqualTo(screen.name().charAt(0) + screen.name().substring(1).toLowerCase() + "View");
  }

  @Test
  void theShellFxmlLoads() {
    ViewLoader.Loaded<Object> loaded = Fx.call(() -> context.viewLoader().load(Screen.MAIN_FXML));
    assertThat(loaded.controller()).isInstanceOf(MainView.class);
  }
}
