package io.bridgescope.desktop.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coalescer's timing rule is checked on a timer the test drives by hand (what was scheduled,
 * with which delay), so the checks hold however slow the machine is.
 */
class UiCoalescerTest {

  private static final Duration INTERVAL = Duration.ofMillis(100);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ManualTimer manual = new ManualTimer();

  @AfterEach
  void stop() {
    timer.shutdownNow();
    manual.shutdownNow();
  }

  /** Records what is scheduled instead of running it; the test runs it with {@link #fire}. */
  private static final class ManualTimer extends ScheduledThreadPoolExecutor {
    final List<Runnable> tasks = new ArrayList<>();
    final List<Long> delaysNanos = new ArrayList<>();
    final List<Long> scheduledAtNanos = new ArrayList<>();

    ManualTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      scheduledAtNanos.add(System.nanoTime());
      tasks.add(task);
      delaysNanos.add(unit.toNanos(delay));
      return null;
    }

    void fire(int i) {
      tasks.get(i).run();
    }
  }

  @Test
  void aBurstBecomesOneUpdateCarryingTheLatestValue() {
    List<Integer> delivered = new ArrayList<>();
    UiCoalescer<Integer> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, manual, INTERVAL);
    for (int i = 1; i <= 10_000; i++) {
      coalescer.accept(i);
    }
    assertThat(manual.tasks).as("one flush scheduled for the whole burst").hasSize(1);
    manual.fire(0);
    assertThat(delivered).containsExactly(10_000);
  }

  @Test
  void aLoneUpdateIsDeliveredWithoutDelay() {
    List<String> delivered = new ArrayList<>();
    UiCoalescer<String> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, manual, INTERVAL);
    coalescer.accept("only");
    assertThat(manual.delaysNanos).containsExactly(0L);
    manual.fire(0);
    assertThat(delivered).containsExactly("only");
  }

  @Test
  void theNextFlushComesNoSoonerThanOneIntervalAfterTheLast() {
    List<Integer> delivered = new ArrayList<>();
    UiCoalescer<Integer> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, manual, INTERVAL);
    coalescer.accept(1);
    long beforeFlush = System.nanoTime();
    manual.fire(0);
    coalescer.accept(2);
    coalescer.accept(3);
    assertThat(manual.tasks).hasSize(2);
    // Wherever the machine paused, the second flush is due at least one interval after the first.
    long due = manual.scheduledAtNanos.get(1) + manual.delaysNanos.get(1);
    assertThat(due - beforeFlush).isGreaterThanOrEqualTo(INTERVAL.toNanos());
    assertThat(manual.delaysNanos.get(1)).isLessThanOrEqualTo(INTERVAL.toNanos());
    manual.fire(1);
    assertThat(delivered).containsExactly(1, 3);
  }

  @Test
  void onARealTimerTheLatestValueArrives() {
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    UiCoalescer<Integer> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, timer, INTERVAL);
    for (int i = 1; i <= 10_000; i++) {
      coalescer.accept(i);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(10_000));
    assertThat(delivered).isSorted().doesNotHaveDuplicates();
  }
}
