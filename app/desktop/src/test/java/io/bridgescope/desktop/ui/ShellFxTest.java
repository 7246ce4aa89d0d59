package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.desktop.testing.RecordingClipboard;
import io.bridgescope.desktop.testing.Screenshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
            AppWiring.of(UiPorts.notConnected(), Platform::runLater, () -> stage)
                .withClipboard(new RecordingClipboard()));
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

  /**
   * At the default 1280x800, in both themes, no label or button of the top bar or of a table
   * screen's toolbars is cut: a control's text is clipped exactly when its laid-out width is less
   * than its preferred width (issue 16 item 7).
   */
  @Test
  void theTopBarAndTheTableToolbarsShowWholeWordsAt1280By800(FxRobot robot) {
    robot.clickOn("#nav-deposits");
    for (int theme = 0; theme < 2; theme++) {
      robot.interact(root::layout);
      List<String> cut = new ArrayList<>();
      List<Node> bars = new ArrayList<>(root.lookupAll(".topbar"));
      bars.addAll(root.lookupAll(".filter-bar"));
      bars.addAll(root.lookupAll("#new-rows"));
      bars.addAll(root.lookupAll("#pause-live"));
      for (Node bar : bars) {
        collectCut(bar, cut);
      }
      assertThat(cut).as("cut-off texts in theme %d", theme).isEmpty();
      robot.clickOn(".theme-button");
    }
  }

  private static void collectCut(Node n, List<String> cut) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
      if (l.getWidth() + 0.5 < l.prefWidth(-1)) {
        cut.add(l.getText() + " (" + l.getWidth() + " < " + l.prefWidth(-1) + ")");
      }
    }
    if (n instanceof Parent p && !(n instanceof Labeled)) {
      p.getChildrenUnmodifiable().forEach(c -> collectCut(c, cut));
    }
  }
}
