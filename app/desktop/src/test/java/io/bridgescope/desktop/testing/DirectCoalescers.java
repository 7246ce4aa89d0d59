package io.bridgescope.desktop.testing;

import io.bridgescope.desktop.concurrent.UiCoalescer;
import java.util.function.Consumer;

/** A coalescer factory that delivers every value at once on the calling thread. */
public final class DirectCoalescers implements UiCoalescer.Factory {
  @Override
  public <T> Consumer<T> create(Consumer<? super T> sink) {
    return sink::accept;
  }
}
