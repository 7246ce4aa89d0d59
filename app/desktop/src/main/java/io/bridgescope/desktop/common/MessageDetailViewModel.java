package io.bridgescope.desktop.common;

import io.bridgescope.core.link.MessageLink;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.ports.DetailSource;
import io.bridgescope.desktop.ports.MessageDetail;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/** The detail pane of a deposit or exit: loaded on a worker thread when the selection changes. */
public final class MessageDetailViewModel {

  /** Why the action button is disabled: this window has no wallet wired. */
  public static final String NO_WALLET = "No wallet in this window";

  private final ObjectProperty<MessageDetail> detail = new SimpleObjectProperty<>();
  private final StringProperty message =
      new SimpleStringProperty("Select a row to see its lifecycle.");
  private final TaskRunner tasks;
  private final DetailSource details;
  private final boolean deposits;
  private Consumer<MessageDetail.TreeRef> openTree = ref -> {};
  private @Nullable Consumer<BigInteger> action;
  private @Nullable BigInteger shown;

  /** The id of the detail on screen: while another one loads, {@code shown} is already ahead. */
  private @Nullable BigInteger displayed;

  private final javafx.beans.property.BooleanProperty watched =
      new javafx.beans.property.SimpleBooleanProperty();
  private io.bridgescope.desktop.notify.@Nullable NotificationsViewModel watches;

  public MessageDetailViewModel(TaskRunner tasks, DetailSource details, boolean deposits) {
    this.tasks = tasks;
    this.details = details;
    this.deposits = deposits;
  }

  /**
   * The {@code bridgescope://} link of the item on screen, naming the open network ({@code
   * bridgescope open} and the installers' URI handler open it), if an item is shown.
   */
  public Optional<String> link() {
    BigInteger id = displayed;
    if (id == null) {
      return Optional.empty();
    }
    MessageLink.Kind kind = deposits ? MessageLink.Kind.DEPOSIT : MessageLink.Kind.EXIT;
    String network = details.network().orElse(null);
    try {
      return Optional.of(new MessageLink(kind, id, network).toUri());
    } catch (MessageLink.BadLinkException e) {
      return Optional.of(new MessageLink(kind, id, null).toUri()); // a name a link cannot hold
    }
  }

  public void show(BigInteger id) {
    if (id == null || !details.isConnected()) {
      return;
    }
    shown = id;
    watched.set(false);
    if (watches != null) {
      watches.isWatched(
          kind(),
          id.toString(),
          on -> {
            if (id.equals(shown)) {
              watched.set(on);
            }
          });
    }
    message.set("Loading " + (deposits ? "deposit " : "exit ") + id + "…");
    tasks.run(
        "detail " + id,
        () -> deposits ? details.deposit(id) : details.exit(id),
        (Optional<MessageDetail> d) -> {
          if (!id.equals(shown)) {
            return;
          }
          displayed = d.isPresent() ? id : null;
          detail.set(d.orElse(null));
          message.set(d.isPresent() ? "" : "Not in the index: " + id);
        },
        error -> message.set("Could not load " + id + ": " + error.getMessage()));
  }

  /**
   * Reads the shown item again (its list reloaded: its step may have moved on); the pane redraws
   * only if something changed.
   */
  public void refresh() {
    BigInteger id = shown;
    if (id == null || !details.isConnected() || detail.get() == null) {
      return;
    }
    tasks.run(
        "refresh " + id,
        () -> deposits ? details.deposit(id) : details.exit(id),
        (Optional<MessageDetail> d) -> {
          MessageDetail now = detail.get();
          // only a real move (stage or a step reached) redraws: not the ETA's "in ~3 s" ticking,
          // which would replace the pane's buttons under the user's pointer every second
          if (id.equals(shown)
              && d.isPresent()
              && now != null
              && (!d.get().stage().equals(now.stage()) || !d.get().steps().equals(now.steps()))) {
            detail.set(d.get());
          }
        },
        error -> message.set("Could not refresh " + id + ": " + error.getMessage()));
  }

  /** The watch list behind the "Watch" toggle (set by the wiring). */
  public void setWatches(io.bridgescope.desktop.notify.NotificationsViewModel watches) {
    this.watches = watches;
  }

  public java.util.Optional<io.bridgescope.desktop.notify.NotificationsViewModel> watches() {
    return java.util.Optional.ofNullable(watches);
  }

  public boolean canWatch() {
    return watches != null;
  }

  /** Watches or unwatches the shown item; {@link #watchedProperty} follows the stored state. */
  public void setWatched(boolean on) {
    BigInteger id = shown;
    if (watches == null || id == null) {
      return;
    }
    watched.set(on);
    watches.setWatched(
        kind(),
        id.toString(),
        on,
        stored -> {
          if (id.equals(shown)) {
            watched.set(stored);
          }
        });
  }

  public javafx.beans.property.ReadOnlyBooleanProperty watchedProperty() {
    return watched;
  }

  private io.bridgescope.core.store.rows.WatchKind kind() {
    return deposits
        ? io.bridgescope.core.store.rows.WatchKind.DEPOSIT
        : io.bridgescope.core.store.rows.WatchKind.EXIT;
  }

  /** Where "Show in tree" goes (set by the wiring). */
  public void setOpenTree(Consumer<MessageDetail.TreeRef> openTree) {
    this.openTree = openTree;
  }

  /** What the action button does with the shown id (set by the wiring: the wallet's wizard). */
  public void setAction(Consumer<BigInteger> action) {
    this.action = action;
  }

  public boolean hasAction() {
    return action != null;
  }

  /**
   * Runs the action on the item whose detail is on screen (the one the user read), never on one
   * still loading: a click must act on what the pane names.
   */
  public void runAction() {
    BigInteger id = displayed;
    if (action != null && id != null && detail.get() != null) {
      action.accept(id);
    }
  }

  /** The id of the item whose detail is on screen, if any. */
  public Optional<BigInteger> displayedId() {
    return Optional.ofNullable(displayed);
  }

  public void openTree() {
    MessageDetail d = detail.get();
    if (d != null && d.tree().isPresent()) {
      openTree.accept(d.tree().get());
    }
  }

  public Optional<String> explorerUrl(boolean root, String tx) {
    return details.explorerUrl(root, tx);
  }

  public ReadOnlyObjectProperty<MessageDetail> detailProperty() {
    return detail;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message;
  }
}
