package io.bridgescope.desktop.engine;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Uint256Column;
import io.bridgescope.core.store.WatchDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.Watch;
import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.ports.Notice;
import io.bridgescope.desktop.ports.WatchSource;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch list (stored with {@link WatchDao}) and its watcher: whenever the open session's data
 * changes, one background thread re-reads the stage of every watched item and every item of a
 * watched address, and reports what changed. Checks never overlap and bursts collapse into one.
 */
final class EngineWatches implements WatchSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineWatches.class);

  private final SessionManager sessions;
  private final List<Consumer<List<Notice>>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "bs-watcher");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean queued = new AtomicBoolean();
  private final WatchTracker tracker = new WatchTracker();
  private AutoCloseable follower;

  EngineWatches(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public boolean isWatched(WatchKind kind, String key) {
    Session s = session();
    Bytes value = value(kind, key);
    return s.db().read(c -> new WatchDao(c).all()).stream()
        .anyMatch(w -> w.kind() == kind && w.value().equals(value));
  }

  @Override
  public void setWatched(WatchKind kind, String key, boolean on) throws Exception {
    Session s = session();
    Bytes value = value(kind, key);
    s.writer()
        .submit(
            Batch.of(
                c -> {
                  if (on) {
                    new WatchDao(c).watch(kind, value, Optional.empty(), Instant.now());
                  } else {
                    new WatchDao(c).unwatch(kind, value);
                  }
                }))
        .get(10, TimeUnit.SECONDS);
    requestCheck(); // takes the baseline of a new watch at once
  }

  @Override
  public synchronized AutoCloseable subscribe(Consumer<List<Notice>> notices) {
    listeners.add(notices);
    if (follower == null) {
      follower = new SessionFollower(sessions, this::requestCheck);
    }
    return () -> unsubscribe(notices);
  }

  /** The last listener gone: stop following the session, so nothing is re-read for no one. */
  private synchronized void unsubscribe(Consumer<List<Notice>> notices) throws Exception {
    listeners.remove(notices);
    if (listeners.isEmpty() && follower != null) {
      follower.close();
      follower = null;
    }
  }

  private void requestCheck() {
    if (queued.compareAndSet(false, true)) {
      thread.execute(this::check);
    }
  }

  private void check() {
    queued.set(false);
    Optional<Session> open = sessions.current();
    if (open.isEmpty()) {
      return;
    }
    try {
      Session s = open.get();
      List<Watch> watches = s.db().read(c -> new WatchDao(c).all());
      List<Notice> notices = tracker.update(s, watches, Instant.now());
      if (!notices.isEmpty()) {
        for (Consumer<List<Notice>> l : listeners) {
          l.accept(notices);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Checking the watch list failed: {}", e.toString());
    }
  }

  private Session session() {
    return sessions
        .current()
        .orElseThrow(() -> new IllegalStateException("no network is open yet"));
  }

  static Bytes value(WatchKind kind, String key) {
    return switch (kind) {
      case ADDRESS -> Bytes.of(Address.of(key).bytes());
      case DEPOSIT, EXIT -> Bytes.of(Uint256Column.encode(new BigInteger(key.trim())));
      case TX -> Bytes.ofHex(key);
    };
  }

  @Override
  public synchronized void close() {
    if (follower != null) {
      try {
        follower.close();
      } catch (Exception e) {
        LOG.warn("Closing the watcher's subscription failed", e);
      }
    }
    thread.shutdownNow();
  }
}
