package io.bridgescope.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.CoreExecutors;
import io.bridgescope.desktop.concurrent.ExecutorTaskRunner;
import io.bridgescope.desktop.ports.RowSource;
import io.bridgescope.desktop.testing.DirectCoalescers;
import io.bridgescope.desktop.testing.Fx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("display")
@ExtendWith(ApplicationExtension.class)
class TaskRunnerFxTest {

  private final CoreExecutors executors = new CoreExecutors(2);

  @Start
  void start(Stage stage) {}

  @AfterEach
  void stop() {
    executors.close();
  }

  /**
   * A table whose source holds every page until {@code release} opens, like a slow RPC or a cold
   * database (a latch, not a sleep, so the test decides when the page arrives).
   */
  private static RowSource<String> slowSource(CountDownLatch entered, CountDownLatch release) {
    return new RowSource<>() {
      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public List<String> page(int offset, int limit) throws InterruptedException {
        entered.countDown();
        release.await();
        return List.of("row");
      }

      @Override
      public long count() {
        return 1;
      }

      @Override
      public AutoCloseable subscribe(Runnable changed) {
        return () -> {};
      }
    };
  }

  /**
   * While a page load hangs on a worker, the FX thread still runs what is posted to it. How fast it
   * answers is measured by {@code perf.FxLatencyProbe}, not asserted here.
   */
  @Test
  void aSlowTaskDoesNotFreezeTheFxThread() throws Exception {
    ExecutorTaskRunner tasks = new ExecutorTaskRunner(executors.workers(), Platform::runLater);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TableViewModel<String> vm =
        new TableViewModel<>("rows", slowSource(entered, release), tasks, new DirectCoalescers());
    try {
      Fx.run(vm::start); // started from the FX thread, as a View does
      assertThat(entered.await(Fx.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

      for (int i = 0; i < 5; i++) {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        Platform.runLater(() -> ran.complete(vm.loadingProperty().get()));
        assertThat(ran.get(Fx.PATIENCE.toSeconds(), TimeUnit.SECONDS))
            .as("the FX thread ran an event while the page was still loading")
            .isTrue();
      }
      assertThat(release.getCount()).as("the page is still held").isEqualTo(1);
    } finally {
      release.countDown();
    }
    Fx.waitUntil(() -> !vm.loadingProperty().get());
    assertThat(vm.rows()).containsExactly("row");
  }

  @Test
  void resultsArriveOnTheFxThread() throws Exception {
    ExecutorTaskRunner tasks = new ExecutorTaskRunner(executors.workers(), Platform::runLater);
    CompletableFuture<Boolean> onFx = new CompletableFuture<>();
    tasks.run(
        "probe",
        () -> Platform.isFxApplicationThread(),
        workOnFx -> onFx.complete(!workOnFx && Platform.isFxApplicationThread()),
        onFx::completeExceptionally);
    assertThat(onFx.get(Fx.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }
}
