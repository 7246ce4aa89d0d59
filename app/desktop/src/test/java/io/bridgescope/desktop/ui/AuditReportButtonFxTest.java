package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.report.AuditReports;
import io.bridgescope.core.verify.ValidatorAccountability;
import io.bridgescope.desktop.AppContext;
import io.bridgescope.desktop.AppWiring;
import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.ports.AccountabilitySource;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.SolvencySource;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.ports.WatchSource;
import io.bridgescope.desktop.testing.Fx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Accountability screen's "Audit report…" button: it asks for a file, writes the report on a
 * worker (never on the FX thread) while the button is disabled and a progress bar shows the step,
 * then says where the report went.
 */
@Tag("display")
@ExtendWith(ApplicationExtension.class)
class AuditReportButtonFxTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private AppContext context;
  private Parent root;
  private final Path out = Path.of(System.getProperty("java.io.tmpdir"), "audit-test.pdf");

  @Start
  void start(Stage stage) {
    AccountabilitySource source =
        new AccountabilitySource() {
          @Override
          public boolean isConnected() {
            return true;
          }

          @Override
          public ValidatorAccountability.Report report(
              long from, Optional<Long> to, double threshold) {
            throw new IllegalArgumentException("blocks from " + from + " are not indexed yet");
          }

          @Override
          public ReportWritten writeReport(
              long from,
              Optional<Long> to,
              double threshold,
              Path file,
              AuditReports.Progress progress)
              throws InterruptedException {
            threads.add(Thread.currentThread().getName());
            progress.step(2, 5, "validator participation");
            if (!release.await(60, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never released the report");
            }
            return new ReportWritten(file, from, 77, 4096);
          }
        };
    UiPorts n = UiPorts.notConnected();
    UiPorts ports =
        new UiPorts(
            n.status(),
            n.search(),
            n.overview(),
            n.deposits(),
            n.exits(),
            n.commitments(),
            n.checkpoints(),
            n.validators(),
            DetailSource.NOT_CONNECTED,
            WatchSource.NOT_CONNECTED,
            source,
            SolvencySource.NOT_CONNECTED);
    FilePicker files =
        new FilePicker() {
          @Override
          public Optional<Path> saveFile(
              String title, String suggestedName, String kind, String pattern) {
            return Optional.of(out);
          }

          @Override
          public Optional<Path> openFile(String title, String kind, String... patterns) {
            return Optional.empty();
          }
        };
    context = new AppContext(AppWiring.of(ports, Platform::runLater, () -> stage).withFiles(files));
    root = context.viewLoader().load(Screen.MAIN_FXML).root();
    stage.setScene(new Scene(root, 1280, 800));
    stage.show();
    context.main().navigate(Screen.ACCOUNTABILITY);
  }

  @AfterEach
  void close() {
    release.countDown();
    context.close();
  }

  @Test
  void theReportIsWrittenOffTheFxThreadWithProgress(FxRobot robot) {
    robot.clickOn("Audit report…");
    Button button = robot.lookup("Audit report…").queryButton();
    ProgressBar bar = robot.lookup(".progress-bar").queryAs(ProgressBar.class);
    Fx.waitUntil(() -> Fx.call(() -> bar.isVisible() && bar.getProgress() == 0.4));
    assertThat(Fx.call(button::isDisabled)).isTrue();
    assertThat(threads).singleElement().satisfies(t -> assertThat(t).doesNotContain("JavaFX"));
    Label message =
        Fx.call(
            () ->
                root.lookupAll(".label").stream()
                    .filter(l -> l instanceof Label x && x.getText().startsWith("Audit report"))
                    .map(l -> (Label) l)
                    .findFirst()
                    .orElseThrow());
    assertThat(Fx.call(message::getText)).contains("validator participation (2/5)");

    release.countDown();
    Fx.waitUntil(() -> Fx.call(() -> !button.isDisabled()));
    assertThat(Fx.call(message::getText))
        .isEqualTo("Audit report over child blocks 0..77 written to " + out + " (4096 bytes).");
    assertThat(Fx.call(bar::isVisible)).isFalse();
  }
}
