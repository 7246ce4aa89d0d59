package io.bridgescope.desktop.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {

  private final CoreExecutors executors = new CoreExecutors(2);
  private final ExecutorService ui =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));

  @AfterEach
  void stop() {
    executors.close();
    ui.shutdownNow();
  }

  @Test
  void workRunsOnANamedDaemonAndTheResultArrivesOnTheUiThread() throws Exception {
    ExecutorTaskRunner runner = new ExecutorTaskRunner(executors.workers(), ui);
    CompletableFuture<String> workThread = new CompletableFuture<>();
    CompletableFuture<String> deliveredOn = new CompletableFuture<>();
    runner.run(
        "probe",
        () -> {
          Thread t = Thread.currentThread();
          workThread.complete(t.getName() + (t.isDaemon() ? " daemon" : ""));
          return 42;
        },
        result -> deliveredOn.complete(Thread.currentThread().getName() + " " + result),
        deliveredOn::completeExceptionally);
    assertThat(workThread.get(5, TimeUnit.SECONDS)).matches("bs-worker-\\d+ daemon");
    assertThat(deliveredOn.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui 42");
  }

  @Test
  void errorsArriveOnTheUiThreadAndCancelledResultsAreDropped() throws Exception {
    ExecutorTaskRunner runner = new ExecutorTaskRunner(executors.workers(), ui);
    CompletableFuture<String> error = new CompletableFuture<>();
    runner.run(
        "fails",
        () -> {
          throw new IllegalStateException("node unreachable");
        },
        r -> error.complete("unexpected success"),
        e -> error.complete(Thread.currentThread().getName() + " " + e.getMessage()));
    assertThat(error.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui node unreachable");

    // The cancelled task's outcome is handed to the UI thread and dropped there: wait for that
    // hand-over itself (a UI executor that counts what it ran) rather than for a while.
    CountDownLatch handedToUi = new CountDownLatch(1);
    ExecutorTaskRunner counted =
        new ExecutorTaskRunner(
            executors.workers(),
            r ->
                ui.execute(
                    () -> {
                      r.run();
                      handedToUi.countDown();
                    }));
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> outcome = new CompletableFuture<>();
    TaskRunner.Cancellable task =
        counted.run(
            "slow",
            () -> {
              started.countDown();
              new CountDownLatch(1).await(); // work that never ends on its own
              return "late";
            },
            outcome::complete,
            e -> outcome.complete("error"));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    task.cancel(); // interrupts the work; its error goes to the UI thread, which drops it
    assertThat(handedToUi.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome).isNotDone();
  }

  @Test
  void workAskedForAfterShutdownIsDroppedWithoutAnException() {
    ExecutorTaskRunner runner = new ExecutorTaskRunner(executors.workers(), ui);
    executors.close();
    java.util.List<Object> called = new java.util.ArrayList<>();
    var handle = runner.run("late", () -> 1, called::add, called::add);
    assertThat(handle.isDone()).isTrue();
    assertThat(called).isEmpty();
  }
}
