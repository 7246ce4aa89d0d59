package io.bridgescope.desktop.wallet;

import io.bridgescope.desktop.concurrent.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds tasks until the test runs them, so a test can act while work is still in flight. */
final class QueuedTaskRunner implements TaskRunner {

  private final Deque<Runnable> pending = new ArrayDeque<>();

  @Override
  public <T> Cancellable run(
      String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    pending.add(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception e) {
            onError.accept(e);
            return;
          }
          onSuccess.accept(result);
        });
    return new Cancellable() {
      @Override
      public void cancel() {}

      @Override
      public boolean isDone() {
        return false;
      }
    };
  }

  int pending() {
    return pending.size();
  }

  /** Runs every queued task (and those they queue) in order. */
  void runAll() {
    while (!pending.isEmpty()) {
      pending.poll().run();
    }
  }
}
