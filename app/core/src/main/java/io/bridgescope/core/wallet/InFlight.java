package io.bridgescope.core.wallet;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys (purpose + related id) of the submissions running right now in this process, so a double
 * click or a second window cannot start the same exit or deposit twice while the first is between
 * its checks and its journal entry.
 */
final class InFlight {

  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /** A claim on one exit or deposit; closing it (which cannot fail) lets the next one in. */
  interface Claim extends AutoCloseable {
    @Override
    void close();
  }

  /** Claims {@code key}; the returned handle releases it. */
  Claim claim(String key, String what) {
    if (!running.add(key)) {
      throw new WalletException(
          WalletException.Kind.IN_FLIGHT,
          what + " is already being submitted; wait for that submission to finish");
    }
    return () -> running.remove(key);
  }
}
