package io.bridgescope.desktop.engine;

import io.bridgescope.desktop.ports.RowSource;

/** Base of the table adapters: connected while a session is open, following its changes. */
abstract class SessionRows<R> implements RowSource<R> {

  protected final SessionManager sessions;

  SessionRows(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  /** The open session, or an error a user understands while none is open. */
  protected Session session() {
    return sessions
        .current()
        .orElseThrow(() -> new IllegalStateException("no network is open yet"));
  }

  @Override
  public AutoCloseable subscribe(Runnable changed) {
    return new SessionFollower(sessions, changed);
  }
}
