package io.bridgescope.desktop.notify;

import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.concurrent.UiSubscription;
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
 * times a second. Many items of one watched address reaching one stage are folded into one entry,
 * and at most one desktop popup shows per quiet period (the rest are summed into the next one).
 */
public final class NotificationsViewModel implements AutoCloseable {

  static final int KEPT = 100;
  private static final Logger LOG = LoggerFactory.getLogger(NotificationsViewModel.class);

  private final ObservableList<Notice> notices = FXCollections.observableArrayList();
  private final IntegerProperty unread = new SimpleIntegerProperty();
  private final Queue<Notice> arrived = new ConcurrentLinkedQueue<>();
  private final WatchSource watches;
  private final TaskRunner tasks;
  private final UiSubscription subscription;
  private final NotificationSink sink;

  /** Nanoseconds between popups at most; the bell has every notice at once. */
  static final long TOAST_GAP_NANOS = 5_000_000_000L;

  private final java.util.function.LongSupplier clock;
  private final List<Notice> toastable = new ArrayList<>();
  private long lastToast = Long.MIN_VALUE;
  private Consumer<Notice.Target> opener = t -> {};

  public NotificationsViewModel(
      WatchSource watches,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers,
      NotificationSink sink) {
    this(watches, tasks, coalescers, sink, System::nanoTime);
  }

  /**
   * @param clock nanoseconds, monotonic (tests pass their own)
   */
  public NotificationsViewModel(
      WatchSource watches,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers,
      NotificationSink sink,
      java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.watches = watches;
    this.tasks = tasks;
    this.subscription = new UiSubscription("watch", coalescers);
    this.sink = sink;
  }

  public void start() {
    // notices queue up as they arrive; the coalesced drain shows them in one go
    subscription.onChanges(
        changed ->
            watches.subscribe(
                batch -> {
                  arrived.addAll(batch);
                  changed.run();
                }),
        this::drain);
  }

  private void drain() {
    List<Notice> batch = new ArrayList<>();
    for (Notice n = arrived.poll(); n != null; n = arrived.poll()) {
      batch.add(n);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Notice> entries = Coalesce.byAddressAndStage(batch);
    for (Notice n : entries) {
      notices.add(0, n);
    }
    if (notices.size() > KEPT) {
      notices.remove(KEPT, notices.size());
    }
    unread.set(unread.get() + entries.size());
    toastable.addAll(entries);
    long now = clock.getAsLong();
    // at most one popup per quiet period: a watched busy address must not flood the screen;
    // what arrives meanwhile is summed into the next popup (and is in the bell at once)
    if (lastToast != Long.MIN_VALUE && now - lastToast < TOAST_GAP_NANOS) {
      return;
    }
    lastToast = now;
    List<Notice> show = new ArrayList<>(toastable);
    toastable.clear();
    if (show.size() == 1) {
      sink.show(show.get(0).title(), show.get(0).text());
    } else {
      sink.show(
          show.size() + " watched updates",
          String.join("\n", show.stream().limit(4).map(Notice::title).toList())
              + (show.size() > 4 ? "\n…" : ""));
    }
  }

  /** What opens a bell entry's item (set by the wiring: navigate and select it). */
  public void setOpener(Consumer<Notice.Target> opener) {
    this.opener = opener;
  }

  /** Opens what {@code n} is about: its deposit or exit, or the address of a coalesced entry. */
  public void open(Notice n) {
    n.target().ifPresent(opener);
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
    subscription.close();
  }
}
