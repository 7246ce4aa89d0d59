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

    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> outcome = new CompletableFuture<>();
    TaskRunner.Cancellable task =
        runner.run(
            "slow",
            () -> {
              started.countDown();
              Thread.sleep(5_000);
              return "late";
            },
            outcome::complete,
            e -> outcome.complete("error"));
    started.await(5, TimeUnit.SECONDS);
    task.cancel();
    Thread.sleep(200);
    ui.submit(() -> {}).get();
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
