package io.bridgescope.desktop.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Runs code on the FX thread from a test and waits for it. */
public final class Fx {

  private Fx() {}

  public static <T> T call(Callable<T> work) {
    try {
      T result = WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
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

  public static void waitUntil(BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
      WaitForAsyncUtils.waitForFxEvents();
    } catch (Exception e) {
      throw new IllegalStateException("condition not met in 20 s", e);
    }
  }
}
