package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.ports.DepositRow;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.testing.RecordingClipboard;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A page load that hangs must not hang the window: the FX thread keeps running events. */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class SlowSourceFxTest {

  private final CountDownLatch loadStarted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private AppContext context;

  @Start
  void start(Stage stage) {
    RowSource<DepositRow> slow =
        new RowSource<>() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public List<DepositRow> page(int offset, int limit) throws InterruptedException {
            loadStarted.countDown();
            release.await(30, TimeUnit.SECONDS); // a slow RPC or a locked database
            return List.of();
          }

          @Override
          public long count() {
            return 1_000;
          }

          @Override
          public AutoCloseable subscribe(Runnable changed) {
            return () -> {};
          }
        };
    UiPorts none = UiPorts.notConnected();
    UiPorts ports =
        new UiPorts(
            none.status(),
            none.search(),
            none.overview(),
            slow,
            none.exits(),
            none.commitments(),
            none.checkpoints(),
            none.validators(),
            DetailSource.NOT_CONNECTED);
    context =
        new AppContext(
            AppWiring.of(ports, Platform::runLater, () -> stage)
                .withClipboard(new RecordingClipboard()));
    stage.setScene(new Scene(context.viewLoader().load(Screen.MAIN_FXML).root(), 1000, 700));
    stage.show();
  }

  @AfterEach
  void close() {
    release.countDown();
    context.close();
  }

  @Test
  void theWindowKeepsRunningWhileAPageLoadHangs(FxRobot robot) throws Exception {
    robot.clickOn("#nav-deposits");
    assertThat(loadStarted.await(20, TimeUnit.SECONDS)).isTrue();
    CountDownLatch ran = new CountDownLatch(1);
    Platform.runLater(ran::countDown);
    // The page load is still blocked here: the event ran because nothing waits on it.
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(release.getCount()).isEqualTo(1);
    robot.clickOn("#nav-exits");
    assertThat(context.main().screenProperty().get()).isEqualTo(Screen.EXITS);
    assertThat(context.deposits().table().loadingProperty().get()).isTrue();
  }
}
