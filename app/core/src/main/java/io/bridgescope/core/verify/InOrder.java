package io.bridgescope.core.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work over batches of items on a pool and hands the results to one consumer in batch order,
 * on the calling thread. At most {@code window} batches are in flight, so a slow consumer (the
 * store writer) holds back the workers instead of piling up results.
 */
final class InOrder {

  private InOrder() {}

  static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  /**
   * Applies {@code work} to every batch and {@code consume} to each result in order. The first
   * failure of either is rethrown as it was thrown (batches already consumed stay consumed); the
   * batches still in flight are then abandoned.
   */
  static <T, R> void run(
      ExecutorService pool,
      int window,
      List<List<T>> batches,
      Function<List<T>, R> work,
      Consumer<R> consume) {
    Deque<CompletableFuture<R>> inFlight = new ArrayDeque<>();
    int next = 0;
    try {
      while (next < batches.size() || !inFlight.isEmpty()) {
        while (next < batches.size() && inFlight.size() < window) {
          List<T> batch = batches.get(next++);
          inFlight.add(CompletableFuture.supplyAsync(() -> work.apply(batch), pool));
        }
        consume.accept(join(inFlight.poll()));
      }
    } finally {
      inFlight.forEach(f -> f.cancel(false));
    }
  }

  private static <R> R join(CompletableFuture<R> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
