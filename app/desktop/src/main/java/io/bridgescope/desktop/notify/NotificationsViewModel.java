package io.bridgescope.desktop.notify;

import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.Notice;
import io.bridgescope.desktop.ports.WatchSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-app notifications (newest first, the bell's list and unread count) and the watch commands.
 * Notices arrive on the watcher's thread, queue up, and are drained on the FX thread at most ~10
 * times a second; each drain pops up one desktop notification for the whole batch.
 */
public final class NotificationsViewModel implements AutoCloseable {

  static final int KEPT = 100;
  private static final Logger LOG = LoggerFactory.getLogger(NotificationsViewModel.class);

  private final ObservableList<Notice> notices = FXCollections.observableArrayList();
  private final IntegerProperty unread = new SimpleIntegerProperty();
  private final Queue<Notice> arrived = new ConcurrentLinkedQueue<>();
  private final WatchSource watches;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private final NotificationSink sink;
  private AutoCloseable subscription;

  public NotificationsViewModel(
      WatchSource watches,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers,
      NotificationSink sink) {
    this.watches = watches;
    this.tasks = tasks;
    this.coalescers = coalescers;
    this.sink = sink;
  }

  public void start() {
    if (subscription == null) {
      Consumer<Boolean> drain = coalescers.create(ignored -> drain());
      subscription =
          watches.subscribe(
              batch -> {
                arrived.addAll(batch);
                drain.accept(Boolean.TRUE);
              });
    }
  }

  private void drain() {
    List<Notice> batch = new ArrayList<>();
    for (Notice n = arrived.poll(); n != null; n = arrived.poll()) {
      batch.add(n);
    }
    if (batch.isEmpty()) {
      return;
    }
    for (Notice n : batch) {
      notices.add(0, n);
    }
    if (notices.size() > KEPT) {
      notices.remove(KEPT, notices.size());
    }
    unread.set(unread.get() + batch.size());
    if (batch.size() == 1) {
      sink.show(batch.get(0).title(), batch.get(0).text());
    } else {
      sink.show(
          batch.size() + " watched items changed",
          String.join("\n", batch.stream().limit(4).map(Notice::title).toList())
              + (batch.size() > 4 ? "\n…" : ""));
    }
  }

  /** Asks (worker thread) whether an item is watched; {@code result} runs on the FX thread. */
  public void isWatched(WatchKind kind, String key, Consumer<Boolean> result) {
    if (!watches.isConnected()) {
      result.accept(false);
      return;
    }
    tasks.run(
        "is " + key + " watched",
        () -> watches.isWatched(kind, key),
        result,
        error -> LOG.warn("Reading the watch list failed: {}", error.toString()));
  }

  /** Watches or unwatches (worker thread); {@code done} gets the stored state (FX thread). */
  public void setWatched(WatchKind kind, String key, boolean on, Consumer<Boolean> done) {
    tasks.run(
        (on ? "watch " : "unwatch ") + key,
        () -> {
          watches.setWatched(kind, key, on);
          return on;
        },
        done,
        error -> {
          LOG.warn("Changing the watch list failed: {}", error.toString());
          done.accept(!on);
        });
  }

  public void markRead() {
    unread.set(0);
  }

  public ObservableList<Notice> notices() {
    return notices;
  }

  public ReadOnlyIntegerProperty unreadProperty() {
    return unread;
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("Closing the watch subscription failed", e);
      }
      subscription = null;
    }
  }
}
