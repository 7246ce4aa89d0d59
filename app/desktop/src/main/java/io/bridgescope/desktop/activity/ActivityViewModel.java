package io.bridgescope.desktop.activity;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.desktop.common.Countdown;
import io.bridgescope.desktop.common.TableViewModel;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * My activity: every deposit and exit of the followed accounts (the key store's keys and the
 * addresses the user added) with its stage, a countdown to its next step that {@link #tick} moves
 * every second, and its next action. The list is the shared {@link TableViewModel}, so it follows
 * the index and keeps the selection on its item by key. Actions go to the wallet's wizard through
 * {@link Actions}; the work (disk, SQL) runs through the {@link TaskRunner}.
 */
public final class ActivityViewModel implements AutoCloseable {

  /** Where the actions go: the Wallet screen's wizard, signing with the named key. */
  public interface Actions {
    /** Claim exit {@code id}, paid by {@code key} (empty: the wallet's chosen key). */
    void claimExit(Optional<String> key, BigInteger id);

    /** Execute deposit {@code id} on the child, paid by {@code key} (empty: the chosen key). */
    void selfExecute(Optional<String> key, BigInteger id);

    /** Claim every ready exit of {@code key}'s account in one batchExit, paid by that key. */
    void claimAll(String key);
  }

  private final ActivityPort port;
  private final TaskRunner tasks;
  private final Supplier<Instant> clock;
  private final ActivityRows rows;
  private final TableViewModel<ActivityItem> table;
  private final ObservableList<ActivityAccount> accounts =
      FXCollections.observableArrayList(List.of(ActivityAccount.ALL));
  private final ObjectProperty<ActivityAccount> selectedAccount =
      new SimpleObjectProperty<>(ActivityAccount.ALL);
  private final ObjectProperty<Instant> now;
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleStringProperty addressError = new SimpleStringProperty("");
  private final SimpleIntegerProperty ready = new SimpleIntegerProperty();
  private final SimpleBooleanProperty canClaimAll = new SimpleBooleanProperty();
  private final SimpleObjectProperty<ActivityItem> current = new SimpleObjectProperty<>();
  private final AutoCloseable sessionSubscription;
  private volatile List<ActivityAccount> followed = List.of();
  private Actions actions =
      new Actions() {
        @Override
        public void claimExit(Optional<String> key, BigInteger id) {
          status.set("This window has no wallet: exit " + id + " cannot be claimed here.");
        }

        @Override
        public void selfExecute(Optional<String> key, BigInteger id) {
          status.set("This window has no wallet: deposit " + id + " cannot be executed here.");
        }

        @Override
        public void claimAll(String key) {
          status.set("This window has no wallet: nothing can be claimed here.");
        }
      };
  private long accountsGeneration;

  public ActivityViewModel(
      ActivityPort port,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers,
      Supplier<Instant> clock) {
    this.port = port;
    this.tasks = tasks;
    this.clock = clock;
    this.now = new SimpleObjectProperty<>(clock.get());
    this.rows = new ActivityRows(port, () -> followed);
    this.table = new TableViewModel<>("activity", rows, ActivityItem::key, tasks, coalescers);
    selectedAccount.addListener((obs, old, a) -> narrowTo(a));
    table
        .generationProperty()
        .addListener(
            (obs, old, g) -> {
              updateReady();
              updateCurrent();
            });
    table.selectedProperty().addListener((obs, old, s) -> updateCurrent());
    sessionSubscription = port.onSessionChange(this::refreshAccountsLater);
    table.start();
    refreshAccounts();
  }

  /** Set by the wiring: the Wallet screen's wizard. */
  public void setActions(Actions a) {
    this.actions = Objects.requireNonNull(a, "actions");
  }

  /** The open network changed (any thread): read the keys and addresses again on the UI thread. */
  private void refreshAccountsLater() {
    tasks.run(
        "activity accounts after a network change", () -> true, x -> refreshAccounts(), e -> {});
  }

  /**
   * Reads the keys and the followed addresses again (worker thread). A damaged addresses file is
   * said in {@link #statusProperty} and the keys are listed all the same.
   */
  public void refreshAccounts() {
    long gen = ++accountsGeneration;
    tasks.run(
        "activity accounts",
        this::readAccounts,
        (Followed f) -> {
          if (gen == accountsGeneration) {
            apply(f);
          }
        },
        e -> status.set("Could not read the key store: " + message(e)));
  }

  private record Followed(List<ActivityAccount> accounts, String problem) {}

  private Followed readAccounts() {
    List<ActivityAccount> out = new ArrayList<>();
    for (KeyInfo k : port.keys()) {
      out.add(ActivityAccount.ofKey(k.name(), k.address()));
    }
    String problem = "";
    try {
      for (Address a : port.trackedAddresses()) {
        if (out.stream().noneMatch(x -> x.address().equals(Optional.of(a)))) {
          out.add(ActivityAccount.ofAddress(a));
        }
      }
    } catch (TrackedAddressesException e) {
      problem = message(e);
    }
    return new Followed(List.copyOf(out), problem);
  }

  private void apply(Followed f) {
    status.set(f.problem());
    followed = f.accounts();
    ActivityAccount was = selectedAccount.get();
    List<ActivityAccount> all = new ArrayList<>();
    all.add(ActivityAccount.ALL);
    all.addAll(f.accounts());
    accounts.setAll(all);
    // the same account stays chosen (found by its address) when the list changed around it
    ActivityAccount again =
        all.stream()
            .filter(a -> a.address().equals(was.address()))
            .findFirst()
            .orElse(ActivityAccount.ALL);
    // compared with the current choice: a list view may have moved it while the list changed
    if (!again.equals(selectedAccount.get())) {
      selectedAccount.set(again);
    } else {
      table.reload();
      updateReady();
    }
  }

  private void narrowTo(ActivityAccount a) {
    if (a == null || a.address().isEmpty()) {
      table.clearFilter();
    } else {
      table.filterByAddress(a.address().get());
    }
    updateReady();
  }

  /** Exits of the chosen key that can be claimed now, as the last read of the list found them. */
  private void updateReady() {
    ActivityAccount a = selectedAccount.get();
    int n =
        a != null && a.address().isPresent() && table.source() instanceof ActivityRows r
            ? r.last().ready(a.address().get())
            : 0;
    ready.set(n);
    canClaimAll.set(n > 0 && a != null && a.key().isPresent());
  }

  /** The selected item as the last read has it (its stage and action may have moved since). */
  private void updateCurrent() {
    ActivityItem s = table.selectedProperty().get();
    current.set(
        s == null
            ? null
            : rowsNow().stream().filter(i -> i.key().equals(s.key())).findFirst().orElse(s));
  }

  /** Moves the countdowns on to this moment (the View calls it every second off a timeline). */
  public void tick() {
    now.set(clock.get());
  }

  /** The countdown of {@code item} to its next step at the last {@link #tick}; empty if none. */
  public String countdown(ActivityItem item) {
    return item.eta().map(t -> Countdown.text(t, now.get())).orElse("");
  }

  /**
   * The next action of {@code item}, found again by its key in the list as last read (so a row that
   * moved, or changed stage since it was drawn, acts on what the item is now).
   */
  public void act(ActivityItem item) {
    ActivityItem current =
        rowsNow().stream().filter(i -> i.key().equals(item.key())).findFirst().orElse(item);
    switch (current.action()) {
      case CLAIM -> actions.claimExit(current.signer(), current.id());
      case SELF_EXECUTE -> actions.selfExecute(current.signer(), current.id());
      case NONE -> status.set(current.key() + " has no action now: " + current.nextStep());
    }
  }

  /** The next action of the selected item, if it has one. */
  public void actOnSelected() {
    ActivityItem s = current.get();
    if (s != null) {
      act(s);
    }
  }

  private List<ActivityItem> rowsNow() {
    return table.source() instanceof ActivityRows r ? r.last().rows() : List.of();
  }

  /** Claims every ready exit of the chosen key in one batchExit (the wallet's review first). */
  public void claimAllReady() {
    ActivityAccount a = selectedAccount.get();
    if (canClaimAll.get() && a != null && a.key().isPresent()) {
      actions.claimAll(a.key().get());
    }
  }

  /** Follows {@code text} too, if it is an address; the error says why not otherwise. */
  public void addAddress(String text) {
    Address a;
    try {
      a = Address.of(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      addressError.set("Not an address: 0x and 40 hex digits, please.");
      return;
    }
    addressError.set("");
    tasks.run(
        "follow " + a,
        () -> port.track(a),
        (List<Address> list) -> refreshAccounts(),
        e -> addressError.set(message(e)));
  }

  /** Stops following the chosen added address (keys are followed while they are in the store). */
  public void removeSelectedAddress() {
    ActivityAccount a = selectedAccount.get();
    if (a == null || !a.removable()) {
      return;
    }
    Address at = a.address().orElseThrow();
    tasks.run(
        "unfollow " + at,
        () -> port.untrack(at),
        (List<Address> list) -> refreshAccounts(),
        e -> addressError.set(message(e)));
  }

  private static String message(Throwable e) {
    return Objects.requireNonNullElse(e.getMessage(), e.toString());
  }

  public TableViewModel<ActivityItem> table() {
    return table;
  }

  public ObservableList<ActivityAccount> accounts() {
    return accounts;
  }

  public ObjectProperty<ActivityAccount> selectedAccountProperty() {
    return selectedAccount;
  }

  /** The selected item as of the last reload (null: none selected). */
  public ReadOnlyObjectProperty<ActivityItem> currentProperty() {
    return current;
  }

  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyStringProperty addressErrorProperty() {
    return addressError;
  }

  /** How many exits of the chosen account can be claimed now. */
  public ReadOnlyIntegerProperty readyProperty() {
    return ready;
  }

  /** The chosen account is a key with exits ready to claim. */
  public ReadOnlyBooleanProperty canClaimAllProperty() {
    return canClaimAll;
  }

  @Override
  public void close() {
    table.close();
    try {
      sessionSubscription.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(ActivityViewModel.class)
          .warn("Closing My activity's session subscription failed", e);
    }
  }
}
