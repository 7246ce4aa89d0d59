package io.bridgescope.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.concurrent.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InOrderTest {

  private final ExecutorService pool = Threads.pool("in-order-test", 3);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void resultsAreConsumedInBatchOrderWhateverOrderTheyFinishIn() {
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    List<List<Integer>> batches = InOrder.batches(items, 3);
    assertThat(batches)
        .containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9));
    // the first batch may only finish after the second has: completion order is reversed
    CountDownLatch secondDone = new CountDownLatch(1);
    List<Integer> consumed = new ArrayList<>();
    InOrder.run(
        pool,
        3,
        batches,
        b -> {
          if (b.get(0) == 0) {
            await(secondDone);
          }
          if (b.get(0) == 3) {
            secondDone.countDown();
          }
          return b.stream().mapToInt(Integer::intValue).sum();
        },
        consumed::add);
    assertThat(consumed).containsExactly(3, 12, 21, 9);
  }

  @Test
  void aFailingBatchIsRethrownAsItWasAfterTheEarlierOnesWereConsumed() {
    List<List<Integer>> batches = InOrder.batches(IntStream.range(0, 6).boxed().toList(), 2);
    List<Integer> consumed = new ArrayList<>();
    assertThatThrownBy(
            () ->
                InOrder.run(
                    pool,
                    2,
                    batches,
                    b -> {
                      if (b.get(0) == 2) {
                        throw new IllegalStateException("batch 2 broke");
                      }
                      return b.get(0);
                    },
                    consumed::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batch 2 broke");
    assertThat(consumed).containsExactly(0);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the second batch never finished");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
