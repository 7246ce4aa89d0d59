package io.bridgescope.desktop.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a worker pool and posts the outcome to a UI executor ({@code Platform::runLater} in
 * the app). The UI thread never waits: it only receives finished results.
 */
public final class ExecutorTaskRunner implements TaskRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

  private final ExecutorService workers;
  private final Executor uiThread;

  public ExecutorTaskRunner(ExecutorService workers, Executor uiThread) {
    this.workers = workers;
    this.uiThread = uiThread;
  }

  @Override
  public <T> Cancellable run(
      String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    Future<?> future;
    try {
      future = submit(name, work, onSuccess, onError, cancelled, done);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The app is closing: a late change notice (already queued on the FX thread) asks for work
      // no one will see. Dropping it is the answer, not an exception on the FX thread.
      LOG.debug("Task '{}' dropped: the workers are shut down", name);
      done.set(true);
      return DROPPED;
    }
    return handle(future, cancelled, done);
  }

  private static final Cancellable DROPPED =
      new Cancellable() {
        @Override
        public void cancel() {}

        @Override
        public boolean isDone() {
          return true;
        }
      };

  private <T> Future<?> submit(
      String name,
      Callable<T> work,
      Consumer<? super T> onSuccess,
      Consumer<Throwable> onError,
      AtomicBoolean cancelled,
      AtomicBoolean done) {
    return workers.submit(
        () -> {
          try {
            T result = work.call();
            deliver(cancelled, done, () -> onSuccess.accept(result));
          } catch (Throwable e) {
            if (!(e instanceof CancellationException || e instanceof InterruptedException)) {
              LOG.warn("Task '{}' failed", name, e);
            }
            deliver(cancelled, done, () -> onError.accept(e));
          }
        });
  }

  private static Cancellable handle(Future<?> future, AtomicBoolean cancelled, AtomicBoolean done) {
    return new Cancellable() {
      @Override
      public void cancel() {
        cancelled.set(true);
        future.cancel(true);
      }

      @Override
      public boolean isDone() {
        return done.get() || future.isDone();
      }
    };
  }

  private void deliver(AtomicBoolean cancelled, AtomicBoolean done, Runnable callback) {
    uiThread.execute(
        () -> {
          done.set(true);
          if (!cancelled.get()) {
            callback.run();
          }
        });
  }
}
