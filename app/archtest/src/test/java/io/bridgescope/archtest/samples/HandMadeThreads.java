package io.bridgescope.archtest.samples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Makes threads around the factory on purpose (HouseRulesCatchTest). */
public final class HandMadeThreads {

  private HandMadeThreads() {}

  public static void thread(Runnable r) {
    new Thread(r, "sample").start();
  }

  public static ExecutorService executor() {
    return Executors.newSingleThreadExecutor();
  }

  public static CompletableFuture<Void> commonPool(Runnable r) {
    return CompletableFuture.runAsync(r);
  }
}
