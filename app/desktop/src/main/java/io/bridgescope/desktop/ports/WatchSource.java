package io.bridgescope.desktop.ports;

import io.bridgescope.core.store.rows.WatchKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * The user's watch list and the notices it produces. {@link #isWatched} and {@link #setWatched} run
 * on a worker thread (SQL); notices arrive on any thread and are coalesced by the desktop.
 */
public interface WatchSource {

  boolean isConnected();

  /**
   * @param key a deposit or exit id in decimal, or a 0x address
   */
  boolean isWatched(WatchKind kind, String key) throws Exception;

  void setWatched(WatchKind kind, String key, boolean on) throws Exception;

  /** Calls {@code notices} (any thread) with each batch of changes; close the handle to stop. */
  AutoCloseable subscribe(Consumer<List<Notice>> notices);

  WatchSource NOT_CONNECTED =
      new WatchSource() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public boolean isWatched(WatchKind kind, String key) {
          return false;
        }

        @Override
        public void setWatched(WatchKind kind, String key, boolean on) {
          throw new IllegalStateException("no network is open yet");
        }

        @Override
        public AutoCloseable subscribe(Consumer<List<Notice>> notices) {
          return () -> {};
        }
      };
}
