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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TaskRunnerFxTest {

  private final CoreExecutors executors = new CoreExecutors(2);

  @Start
  void start(Stage stage) {}

  @AfterEach
  void stop() {
    executors.close();
  }

  /** A table whose source takes 2 s per page, like a slow RPC or a cold database. */
  private static RowSource<String> slowSource(CountDownLatch entered) {
    return new RowSource<>() {
      @Override
      public boolean isConnected() {
        return true;
      }

      @Override
      public List<String> page(int offset, int limit) throws InterruptedException {
        entered.countDown();
        Thread.sleep(2_000);
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

  @Test
  void aSlowTaskDoesNotFreezeTheFxThread() throws Exception {
    ExecutorTaskRunner tasks = new ExecutorTaskRunner(executors.workers(), Platform::runLater);
    CountDownLatch entered = new CountDownLatch(1);
    TableViewModel<String> vm =
        new TableViewModel<>("rows", slowSource(entered), tasks, new DirectCoalescers());
    Fx.run(vm::start); // started from the FX thread, as a View does
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    long[] latenciesMs = new long[5];
    for (int i = 0; i < latenciesMs.length; i++) {
      CompletableFuture<Long> ran = new CompletableFuture<>();
      long posted = System.nanoTime();
      Platform.runLater(() -> ran.complete(System.nanoTime()));
      latenciesMs[i] = (ran.get(5, TimeUnit.SECONDS) - posted) / 1_000_000;
      Thread.sleep(200);
    }
    assertThat(vm.loadingProperty().get()).as("still loading while we measured").isTrue();
    assertThat(java.util.Arrays.stream(latenciesMs).max().getAsLong()).isLessThan(200);

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
    assertThat(onFx.get(5, TimeUnit.SECONDS)).isTrue();
  }
}
