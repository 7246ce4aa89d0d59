package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class ShellFxTest {

  private AppContext context;
  private Parent root;

  @Start
  void start(Stage stage) {
    context =
        new AppContext(
            UiPorts.notConnected(), Platform::runLater, () -> stage, new RecordingClipboard());
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
  }

  @AfterEach
  void close() {
    context.close();
  }

  private String shownTitle() {
    StackPane content = (StackPane) root.lookup(".content").lookup("StackPane");
    Node screen = content.getChildren().get(0);
    return ((Label) screen.lookup(".screen-title")).getText();
  }

  @Test
  void navigationButtonsSwitchScreens(FxRobot robot) {
    assertThat(shownTitle()).isEqualTo("Overview");
    Screenshots.save(root, "shell-overview");
    for (Screen screen : Screen.values()) {
      robot.clickOn("#nav-" + screen.name().toLowerCase(Locale.ROOT));
      assertThat(context.main().screenProperty().get()).isEqualTo(screen);
      assertThat(shownTitle()).isEqualTo(screen.title());
      Screenshots.save(root, "shell-" + screen.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void ctrlDigitsSwitchScreensAndCtrlFFocusesSearch(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    assertThat(shownTitle()).isEqualTo("Commitments");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    assertThat(shownTitle()).isEqualTo("Deposits");
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    TextField search = robot.lookup(".topbar .text-field").queryAs(TextField.class);
    assertThat(search.isFocused()).isTrue();
  }

  @Test
  void searchBoxParsesKeysAndGoesToTheirScreen(FxRobot robot) {
    robot.clickOn(".topbar .text-field").write("exit 12").type(KeyCode.ENTER);
    assertThat(shownTitle()).isEqualTo("Exits");
    Label message = robot.lookup(".search-banner .label").queryAs(Label.class);
    assertThat(message.getText()).contains("exit id", "not connected");
    Screenshots.save(root, "shell-search-exit");

    search(robot, "0x" + "ab".repeat(32));
    assertThat(shownTitle()).isEqualTo("Deposits");
    search(robot, "0x" + "12".repeat(20));
    assertThat(shownTitle()).isEqualTo("Deposits");
    assertThat(message.getText()).contains("address");
    search(robot, "epoch 3");
    assertThat(shownTitle()).isEqualTo("Checkpoints");
    search(robot, "commitment 2");
    assertThat(shownTitle()).isEqualTo("Commitments");
    search(robot, "0x1234");
    assertThat(shownTitle()).isEqualTo("Commitments");
    assertThat(message.getText()).contains("4 hex digits");
    Screenshots.save(root, "shell-search-invalid");
  }

  private static void search(FxRobot robot, String text) {
    TextField field = robot.lookup(".topbar .text-field").queryAs(TextField.class);
    Fx.run(field::clear);
    robot.clickOn(field).write(text).type(KeyCode.ENTER);
  }

  @Test
  void themeToggleSwitchesToDark(FxRobot robot) {
    robot.clickOn(".theme-button");
    assertThat(root.getStyleClass()).contains("theme-dark");
    Screenshots.save(root, "shell-overview-dark");
    robot.clickOn("#nav-deposits");
    Screenshots.save(root, "shell-deposits-dark");
    robot.clickOn(".theme-button");
    assertThat(root.getStyleClass()).contains("theme-light").doesNotContain("theme-dark");
  }
}
