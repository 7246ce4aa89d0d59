package io.bridgescope.desktop.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiCoalescerTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void aBurstBecomesFewUpdatesEndingWithTheLatestValue() throws Exception {
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    UiCoalescer<Integer> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, timer, Duration.ofMillis(100));
    long start = System.nanoTime();
    for (int i = 1; i <= 10_000; i++) {
      coalescer.accept(i);
      if (i % 1000 == 0) {
        Thread.sleep(30); // a 300 ms burst
      }
    }
    Thread.sleep(250);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(delivered).isNotEmpty();
    assertThat(delivered.get(delivered.size() - 1)).isEqualTo(10_000);
    assertThat(delivered.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 10) + 1);
    assertThat(delivered).isSorted();
  }

  @Test
  void aLoneUpdateIsDeliveredPromptly() throws Exception {
    List<String> delivered = new CopyOnWriteArrayList<>();
    UiCoalescer<String> coalescer =
        new UiCoalescer<>(delivered::add, Runnable::run, timer, Duration.ofMillis(100));
    coalescer.accept("only");
    timer.schedule(() -> {}, 50, TimeUnit.MILLISECONDS).get();
    assertThat(delivered).containsExactly("only");
  }
}
