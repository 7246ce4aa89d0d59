package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
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
          AppWiring.of(UiPorts.notConnected(), Platform::runLater, () -> null)
              .withClipboard(new RecordingClipboard()));

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
    // an fx:id names one node of a screen (its includes too), so that a lookup (a test's, a
    // style's) finds that one
    java.util.List<String> ids = new java.util.ArrayList<>();
    fxIds(screen.fxml(), ids);
    assertThat(ids).as("node ids of %s", screen).doesNotHaveDuplicates();
  }

  private static final java.util.regex.Pattern FX_ID =
      java.util.regex.Pattern.compile("fx:id=\"([^\"]+)\"");
  private static final java.util.regex.Pattern INCLUDE =
      java.util.regex.Pattern.compile("<fx:include[^>]*source=\"([^\"]+)\"");

  /** The fx:ids of {@code resource} and of the files it includes (the include's own id too). */
  private static void fxIds(String resource, java.util.List<String> out) {
    String text;
    try (var in = FxmlLoadTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    FX_ID.matcher(text).results().forEach(m -> out.add(m.group(1)));
    String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
    INCLUDE.matcher(text).results().forEach(m -> fxIds(folder + m.group(1), out));
  }

  @Test
  void theShellFxmlLoads() {
    ViewLoader.Loaded<Object> loaded = Fx.call(() -> context.viewLoader().load(Screen.MAIN_FXML));
    assertThat(loaded.controller()).isInstanceOf(MainView.class);
  }
}
