package io.bridgescope.desktop.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (RPC, SQL, crypto) away from the FX thread and hands the outcome back on the UI
 * thread. ViewModels depend on this interface only, so their tests run without a display.
 */
public interface TaskRunner {

  /**
   * Starts {@code work} in the background; exactly one of {@code onSuccess} and {@code onError} is
   * later called on the UI thread, unless the returned handle was cancelled first.
   *
   * @param name what the work is, for thread dumps and logs
   */
  <T> Cancellable run(
      String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

  /** A started task; cancelling drops its result and interrupts it if it is still running. */
  interface Cancellable {
    void cancel();

    boolean isDone();
  }
}
