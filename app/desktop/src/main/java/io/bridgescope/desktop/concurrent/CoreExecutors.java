package io.bridgescope.desktop.concurrent;

import io.bridgescope.core.concurrent.Threads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's shared background threads: a small worker pool for tasks and one timer for
 * coalescing, made (like every thread) by core's {@link Threads}.
 */
public final class CoreExecutors implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CoreExecutors.class);

  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  public CoreExecutors(int workerThreads) {
    this.workers = Threads.pool("bs-worker", workerThreads);
    this.timer = Threads.scheduled("bs-ui-timer");
  }

  public ExecutorService workers() {
    return workers;
  }

  public ScheduledExecutorService timer() {
    return timer;
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
