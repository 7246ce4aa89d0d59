package io.bridgescope.archtest.samples.wallet;

import java.util.concurrent.Callable;

/** Wraps a cause untyped in a wallet package on purpose (HouseRulesCatchTest). */
public final class BareWrap {

  private BareWrap() {}

  public static <T> T call(Callable<T> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
