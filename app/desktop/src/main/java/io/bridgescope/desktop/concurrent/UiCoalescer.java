package io.bridgescope.desktop.concurrent;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Turns a burst of updates from any thread into at most one UI update per interval (100 ms = ~10
 * per second). Only the latest value is delivered; intermediate values are dropped on purpose,
 * since each update is a full snapshot.
 */
public final class UiCoalescer<T> implements Consumer<T> {

  /**
   * Makes coalescers; AppContext supplies one bound to the FX thread and the shared timer, tests
   * one that delivers at once.
   */
  @FunctionalInterface
  public interface Factory {
    <T> Consumer<T> create(Consumer<? super T> sink);
  }

  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

  private final Consumer<? super T> sink;
  private final Executor uiThread;
  private final ScheduledExecutorService timer;
  private final long intervalNanos;
  private final AtomicReference<T> pending = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long lastFlushNanos = System.nanoTime() - Long.MAX_VALUE / 4;

  public UiCoalescer(
      Consumer<? super T> sink,
      Executor uiThread,
      ScheduledExecutorService timer,
      Duration interval) {
    this.sink = sink;
    this.uiThread = uiThread;
    this.timer = timer;
    this.intervalNanos = interval.toNanos();
  }

  /** Accepts a new value from any thread. */
  @Override
  public void accept(T value) {
    pending.set(value);
    if (scheduled.compareAndSet(false, true)) {
      long wait = Math.max(0, lastFlushNanos + intervalNanos - System.nanoTime());
      timer.schedule(() -> uiThread.execute(this::flush), wait, TimeUnit.NANOSECONDS);
    }
  }

  private void flush() {
    lastFlushNanos = System.nanoTime();
    scheduled.set(false);
    T value = pending.getAndSet(null);
    if (value != null) {
      sink.accept(value);
    }
  }
}
