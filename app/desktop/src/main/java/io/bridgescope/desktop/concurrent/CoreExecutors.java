package io.bridgescope.desktop.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's background threads, created in one place: a small worker pool for tasks and one
 * timer for coalescing. All threads are named daemons so a forgotten task never keeps the JVM up.
 */
public final class CoreExecutors implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CoreExecutors.class);

  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  public CoreExecutors(int workerThreads) {
    this.workers = Executors.newFixedThreadPool(workerThreads, named("bs-worker"));
    this.timer = Executors.newSingleThreadScheduledExecutor(named("bs-ui-timer"));
  }

  public ExecutorService workers() {
    return workers;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(
          (t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
      return thread;
    };
  }

  @Override
  public void close() {
    workers.shutdownNow();
    timer.shutdownNow();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("Background tasks still running after shutdown; they are daemons and will die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
