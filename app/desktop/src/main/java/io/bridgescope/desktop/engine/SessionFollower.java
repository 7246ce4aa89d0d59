package io.bridgescope.desktop.engine;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription that follows whichever session is open: {@code changed} runs when the session is
 * replaced and whenever the open session's data changes.
 */
final class SessionFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionFollower.class);

  private final SessionManager sessions;
  private final Runnable changed;
  private final AtomicReference<AutoCloseable> inner = new AtomicReference<>(() -> {});
  private final AutoCloseable outer;

  SessionFollower(SessionManager sessions, Runnable changed) {
    this.sessions = sessions;
    this.changed = changed;
    this.outer = sessions.onSessionChange(this::follow);
    follow();
  }

  private void follow() {
    AutoCloseable next = sessions.current().map(s -> s.onChange(changed)).orElse(() -> {});
    close(inner.getAndSet(next));
    changed.run();
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Closing a session subscription failed", e);
    }
  }

  @Override
  public void close() {
    close(outer);
    close(inner.getAndSet(() -> {}));
  }
}
