package io.bridgescope.desktop.status;

import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * What the engine implements to feed the status bar. {@code listener} may be called from any
 * thread, as often as the engine likes; the desktop coalesces. A new subscriber gets the current
 * snapshot first. Closing the returned handle stops the calls.
 */
@FunctionalInterface
public interface StatusSource {

  AutoCloseable subscribe(Consumer<StatusSnapshot> listener);

  /** The honest state before an engine is wired in: nothing is known. */
  static StatusSource notConnected() {
    return listener -> {
      listener.accept(
          new StatusSnapshot(
              ChainStatus.unknown("Root"),
              ChainStatus.unknown("Child"),
              OptionalDouble.empty(),
              "Indexer not connected"));
      return () -> {};
    };
  }
}
