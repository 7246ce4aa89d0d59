package io.bridgescope.desktop.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Runs code on the FX thread from a test and waits for it. */
public final class Fx {

  /**
   * How long a test waits for the FX thread or for a condition before it fails. Generous on
   * purpose: a passing wait returns as soon as its condition holds, and on a loaded machine (CI,
   * parallel builds) a devnet-backed screen can take tens of seconds to fill.
   */
  public static final Duration PATIENCE = Duration.ofSeconds(90);

  private Fx() {}

  public static <T> T call(Callable<T> work) {
    try {
      T result = WaitForAsyncUtils.asyncFx(work).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      WaitForAsyncUtils.waitForFxEvents();
      return result;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /** Waits until the condition holds (checked every 50 ms), then for pending FX events. */
  public static void waitUntil(BooleanSupplier condition) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions() // a condition may read a list the FX thread is just changing
        .until(condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
