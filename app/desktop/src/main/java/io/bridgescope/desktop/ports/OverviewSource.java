package io.bridgescope.desktop.ports;

/** What the engine implements to fill the Overview; {@link #load} runs on a worker thread. */
public interface OverviewSource {

  boolean isConnected();

  OverviewFacts load() throws Exception;

  /** The charts, read on a worker thread; empty where the engine has none. */
  default java.util.Optional<OverviewCharts> charts() throws Exception {
    return java.util.Optional.empty();
  }

  /** Calls {@code changed} (any thread) when the facts may have changed. */
  AutoCloseable subscribe(Runnable changed);

  static OverviewSource notConnected() {
    return new OverviewSource() {
      @Override
      public boolean isConnected() {
        return false;
      }

      @Override
      public OverviewFacts load() {
        throw new IllegalStateException("the indexer is not connected");
      }

      @Override
      public AutoCloseable subscribe(Runnable changed) {
        return () -> {};
      }
    };
  }
}
