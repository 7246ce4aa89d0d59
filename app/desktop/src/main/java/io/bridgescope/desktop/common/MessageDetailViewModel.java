package io.bridgescope.desktop.common;

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

/** The detail pane of a deposit or exit: loaded on a worker thread when the selection changes. */
public final class MessageDetailViewModel {

  /** Why the action button is disabled: the wallet screens are not there yet. */
  public static final String NO_WALLET = "Wallet arrives in a later release";

  private final ObjectProperty<MessageDetail> detail = new SimpleObjectProperty<>();
  private final StringProperty message =
      new SimpleStringProperty("Select a row to see its lifecycle.");
  private final TaskRunner tasks;
  private final DetailSource details;
  private final boolean deposits;
  private Consumer<MessageDetail.TreeRef> openTree = ref -> {};
  private BigInteger shown;

  public MessageDetailViewModel(TaskRunner tasks, DetailSource details, boolean deposits) {
    this.tasks = tasks;
    this.details = details;
    this.deposits = deposits;
  }

  public void show(BigInteger id) {
    if (id == null || !details.isConnected()) {
      return;
    }
    shown = id;
    message.set("Loading " + (deposits ? "deposit " : "exit ") + id + "…");
    tasks.run(
        "detail " + id,
        () -> deposits ? details.deposit(id) : details.exit(id),
        (Optional<MessageDetail> d) -> {
          if (!id.equals(shown)) {
            return;
          }
          detail.set(d.orElse(null));
          message.set(d.isPresent() ? "" : "Not in the index: " + id);
        },
        error -> message.set("Could not load " + id + ": " + error.getMessage()));
  }

  /** Where "Show in tree" goes (set by the wiring). */
  public void setOpenTree(Consumer<MessageDetail.TreeRef> openTree) {
    this.openTree = openTree;
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
