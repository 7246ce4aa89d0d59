package io.bridgescope.desktop.engine;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.lifecycle.Stage;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
  private final ExecutorService thread = Threads.single("bs-watcher");
  private final AtomicBoolean queued = new AtomicBoolean();
  private final WatchTracker tracker = new WatchTracker();
  private Set<Long> storedSeen = Set.of();
  private @Nullable AutoCloseable follower;

  EngineWatches(SessionManager sessions) {
    this.sessions = sessions;
    tracker.onNewSession(this::restore);
  }

  private static final String STAGE = "watch.stage.";
  private static final String SEEN = "watch.seen";

  /**
   * The baselines an earlier run stored in this network's database (in the data directory): the
   * last stage seen of each followed item, and which watches had their first look.
   */
  private void restore(WatchTracker t) {
    Optional<Session> open = sessions.current();
    if (open.isEmpty()) {
      return;
    }
    Map<String, Stage> stages = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    open.get()
        .localDb()
        .read(
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT key, value FROM settings WHERE key LIKE 'watch.%'");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  String k = rs.getString(1);
                  String v = rs.getString(2);
                  try {
                    if (k.startsWith(STAGE)) {
                      stages.put(k.substring(STAGE.length()), Stage.valueOf(v));
                    } else if (k.equals(SEEN) && !v.isBlank()) {
                      for (String id : v.split(",")) {
                        seen.add(Long.parseLong(id.strip()));
                      }
                    }
                  } catch (IllegalArgumentException e) {
                    LOG.warn("Ignoring a stored watch baseline {}={}: {}", k, v, e.toString());
                  }
                }
              }
              return seen; // read wants a value; the maps above are the result
            });
    t.restore(stages, seen);
    storedSeen = Set.copyOf(seen);
  }

  /** Stores what the last check saw, so the next start compares against it. */
  private void persist(Session s) {
    Map<String, Stage> changed = tracker.drainChanged();
    Set<Long> seen = tracker.baselinedWatches();
    if (changed.isEmpty() && seen.equals(storedSeen)) {
      return;
    }
    storedSeen = seen;
    String seenText = String.join(",", seen.stream().sorted().map(String::valueOf).toList());
    s.writer()
        .submit(
            Batch.of(
                c -> {
                  WatchDao dao = new WatchDao(c);
                  for (Map.Entry<String, Stage> e : changed.entrySet()) {
                    dao.putSetting(STAGE + e.getKey(), e.getValue().name());
                  }
                  dao.putSetting(SEEN, seenText);
                }));
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public boolean isWatched(WatchKind kind, String key) {
    Session s = session();
    Bytes value = value(kind, key);
    return s.localDb().read(c -> new WatchDao(c).all()).stream()
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
      List<Watch> watches = s.localDb().read(c -> new WatchDao(c).all());
      List<Notice> notices = tracker.update(s, watches, Instant.now());
      persist(s);
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
