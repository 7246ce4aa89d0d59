package io.bridgescope.desktop.concurrent;

import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ViewModel's subscription to an engine source, coalesced onto the UI thread: opened once
 * (opening again is a no-op), closed once, and a failure to close is logged, not thrown, since
 * closing happens on the way out.
 */
public final class UiSubscription implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UiSubscription.class);

  private final String what;
  private final UiCoalescer.Factory coalescers;
  private @Nullable AutoCloseable handle;

  /**
   * @param what what is followed, for the log ("status", "deposits")
   */
  public UiSubscription(String what, UiCoalescer.Factory coalescers) {
    this.what = what;
    this.coalescers = coalescers;
  }

  /**
   * Follows a source that only says "something changed": {@code refresh} runs on the UI thread, at
   * most ~10 times a second however often the source fires.
   */
  public void onChanges(Function<Runnable, AutoCloseable> subscribe, Runnable refresh) {
    if (handle == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> refresh.run());
      handle = subscribe.apply(() -> changes.accept(Boolean.TRUE));
    }
  }

  /**
   * Follows a source of full snapshots: {@code apply} gets the latest on the UI thread, and the
   * snapshots in between are dropped.
   */
  public <T> void onValues(
      Function<Consumer<T>, AutoCloseable> subscribe, Consumer<? super T> apply) {
    if (handle == null) {
      handle = subscribe.apply(coalescers.create(apply));
    }
  }

  @Override
  public void close() {
    if (handle != null) {
      try {
        handle.close();
      } catch (Exception e) {
        LOG.warn("Closing the {} subscription failed", what, e);
      }
      handle = null;
    }
  }
}
