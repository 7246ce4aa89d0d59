package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.dialogs.Dialogs;
import io.bridgescope.desktop.wallet.WalletPort.AccountDeposit;
import io.bridgescope.desktop.wallet.WalletPort.AccountExit;
import io.bridgescope.desktop.wallet.WalletPort.Balances;
import io.bridgescope.desktop.wallet.WalletPort.TxLine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Wallet screen: the key store (create, import, rename, export, delete), the chosen account's
 * balances, exits and deposits, the transaction journal, and the send wizard. Every key store and
 * chain call runs through the {@link TaskRunner}; secrets arrive as {@code char[]} and are zeroed
 * when the call ends.
 */
public final class WalletViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalletViewModel.class);

  /** How a key enters the store. */
  public enum KeySource {
    NEW("Create a new key"),
    PRIVATE_KEY("Import a raw private key"),
    MNEMONIC("Import a mnemonic + path"),
    V3_FILE("Import a V3 keystore file");

    private final String label;

    KeySource(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private final WalletPort port;
  private final TaskRunner tasks;
  private final Dialogs dialogs;
  private final WizardViewModel wizard;
  private final ObservableList<KeyInfo> keys = FXCollections.observableArrayList();
  private final ObjectProperty<KeyInfo> selected = new SimpleObjectProperty<>();
  private final ObservableList<AccountExit> exits = FXCollections.observableArrayList();
  private final ObservableList<AccountDeposit> deposits = FXCollections.observableArrayList();
  private final ObservableList<TxLine> transactions = FXCollections.observableArrayList();
  private final SimpleStringProperty balances = new SimpleStringProperty("");
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleStringProperty keyError = new SimpleStringProperty("");
  private final SimpleBooleanProperty keyBusy = new SimpleBooleanProperty();
  private final SimpleBooleanProperty hasReady = new SimpleBooleanProperty();
  private final AutoCloseable sessionSubscription;
  private Optional<WalletPort.TokenPair> token = Optional.empty();
  private long accountGeneration;

  public WalletViewModel(WalletPort port, TaskRunner tasks, Dialogs dialogs) {
    this.port = port;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.wizard = new WizardViewModel(port, tasks);
    wizard.setOnFinished(this::refreshAccount);
    selected.addListener((obs, old, now) -> refreshAccount());
    sessionSubscription = port.onSessionChange(this::sessionChanged);
    refreshKeys();
    sessionChanged();
  }

  public WizardViewModel wizard() {
    return wizard;
  }

  /** After a network opened: resume the journal off the FX thread, then reload the account. */
  private void sessionChanged() {
    tasks.run(
        "wallet resume",
        () -> port.isConnected() ? port.resume() : List.<TxLine>of(),
        (List<TxLine> open) -> {
          token = Optional.empty();
          status.set(
              port.isConnected()
                  ? open.isEmpty()
                      ? ""
                      : open.size() + " unfinished transaction(s) resumed; see Transactions."
                  : "No network open: keys can be managed, balances and sends need a network.");
          loadToken();
        },
        e -> status.set("Could not resume the transaction journal: " + WalletErrors.describe(e)));
  }

  private void loadToken() {
    tasks.run(
        "wallet token",
        port::demoToken,
        (Optional<WalletPort.TokenPair> t) -> {
          token = t;
          refreshAccount();
        },
        e -> refreshAccount());
  }

  public void refreshKeys() {
    tasks.run(
        "wallet keys",
        port::keys,
        (List<KeyInfo> list) -> {
          KeyInfo was = selected.get();
          keys.setAll(list);
          Optional<KeyInfo> same =
              was == null
                  ? Optional.empty()
                  : list.stream().filter(k -> k.address().equals(was.address())).findFirst();
          selected.set(same.orElse(list.isEmpty() ? null : list.get(0)));
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  /** Reloads balances, exits, deposits and the journal of the chosen account. */
  public void refreshAccount() {
    long gen = ++accountGeneration;
    KeyInfo k = selected.get();
    if (k == null || !port.isConnected()) {
      if (port.isConnected()) {
        tasks.run(
            "wallet journal",
            port::transactions,
            transactions::setAll,
            e -> LOG.warn("Reading the journal failed: {}", e.toString()));
      }
      exits.clear();
      deposits.clear();
      hasReady.set(false);
      balances.set(k == null ? "Choose or add a key." : "Open a network to see balances.");
      return;
    }
    Address a = k.address();
    tasks.run(
        "wallet account",
        () -> new Account(port.balances(a), port.exits(a), port.deposits(a), port.transactions()),
        (Account acc) -> {
          if (gen != accountGeneration) {
            return;
          }
          balances.set(describe(acc.balances()));
          exits.setAll(acc.exits());
          deposits.setAll(acc.deposits());
          transactions.setAll(acc.txs());
          hasReady.set(acc.exits().stream().anyMatch(AccountExit::ready));
        },
        e -> balances.set("Could not read the account: " + WalletErrors.describe(e)));
  }

  private record Account(
      Balances balances,
      List<AccountExit> exits,
      List<AccountDeposit> deposits,
      List<TxLine> txs) {}

  private static String describe(Balances b) {
    String s =
        "Root: "
            + shortAmount(b.rootNative())
            + " ETH · Child: "
            + shortAmount(b.childNative())
            + " native";
    if (b.rootToken().isPresent()) {
      s +=
          " · Demo token: "
              + shortAmount(b.rootToken().get())
              + " on root, "
              + shortAmount(b.childToken().orElse(BigInteger.ZERO))
              + " on child";
    }
    return s;
  }

  /** At most 6 decimals, cut (never rounded up); "…" marks digits left out. */
  static String shortAmount(BigInteger wei) {
    java.math.BigDecimal d = new java.math.BigDecimal(wei, 18);
    java.math.BigDecimal cut = d.setScale(6, java.math.RoundingMode.DOWN);
    String text = Amounts.ether(cut.movePointRight(18).toBigIntegerExact());
    return cut.compareTo(d) == 0 ? text : text + "…";
  }

  /**
   * Adds a key to the store. {@code secret} is the private key or the mnemonic (ignored for NEW and
   * V3_FILE); {@code secret} and {@code password} are zeroed when the call ends.
   */
  public void addKey(
      KeySource source, String name, char[] secret, String path, Path file, char[] password) {
    if (keyBusy.get()) {
      wipe(secret, password);
      return;
    }
    String n = name == null ? "" : name.strip();
    Callable<KeyInfo> work =
        switch (source) {
          case NEW -> () -> port.createKey(n, password);
          case PRIVATE_KEY -> () -> port.importPrivateKey(n, secret, password);
          case MNEMONIC ->
              () ->
                  port.importMnemonic(
                      n, secret, path == null || path.isBlank() ? null : path.strip(), password);
          case V3_FILE -> () -> port.importFile(n, file, password);
        };
    if (source == KeySource.V3_FILE && file == null) {
      wipe(secret, password);
      keyError.set("Choose the keystore file first.");
      return;
    }
    // A new key's password has the same minimum everywhere (a V3 file keeps its own password).
    if (source != KeySource.V3_FILE
        && (password == null || password.length < Keystore.MIN_PASSWORD_LENGTH)) {
      wipe(secret, password);
      keyError.set("Use a password of at least " + Keystore.MIN_PASSWORD_LENGTH + " characters.");
      return;
    }
    keyBusy.set(true);
    keyError.set("");
    status.set("Encrypting the key (scrypt)…");
    tasks.run(
        "wallet add key",
        () -> {
          try {
            return work.call();
          } finally {
            wipe(secret, password);
          }
        },
        (KeyInfo k) -> {
          keyBusy.set(false);
          status.set("Added key " + k.describe() + ".");
          selected.set(null);
          refreshKeysSelecting(k);
        },
        e -> {
          keyBusy.set(false);
          status.set("");
          keyError.set(WalletErrors.describe(e));
        });
  }

  private void refreshKeysSelecting(KeyInfo k) {
    tasks.run(
        "wallet keys",
        port::keys,
        (List<KeyInfo> list) -> {
          keys.setAll(list);
          selected.set(
              list.stream().filter(x -> x.address().equals(k.address())).findFirst().orElse(null));
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  private static void wipe(char[]... secrets) {
    for (char[] s : secrets) {
      if (s != null) {
        Arrays.fill(s, '\0');
      }
    }
  }

  public void rename(String newName) {
    KeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    keyOp("rename", () -> port.rename(k.address().toString(), newName.strip()), "Renamed.");
  }

  public void export(Path target) {
    KeyInfo k = selected.get();
    if (k == null || target == null) {
      return;
    }
    keyOp(
        "export",
        () -> port.export(k.address().toString(), target),
        "Exported " + k.describe() + " to " + target + " (still encrypted with its password).");
  }

  /** Deletes the chosen key after a confirmation that says what is lost. */
  public void delete() {
    KeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    dialogs.confirm(
        "Delete key " + k.name() + "?",
        "The keystore file of "
            + k.address()
            + " is removed from this computer. Without a backup (Export…) or the mnemonic,"
            + " the funds of this address cannot be spent any more.",
        yes -> {
          if (yes) {
            keyOp(
                "delete",
                () -> {
                  port.delete(k.address().toString());
                  return null;
                },
                "Deleted " + k.describe() + ".");
          }
        });
  }

  private void keyOp(String what, Callable<?> work, String done) {
    keyError.set("");
    tasks.run(
        "wallet " + what,
        work,
        r -> {
          status.set(done);
          refreshKeys();
        },
        e -> keyError.set(WalletErrors.describe(e)));
  }

  private Optional<WizardViewModel.Signer> signer() {
    KeyInfo k = selected.get();
    if (k == null) {
      status.set("Choose or import a key first: it signs and pays the fees.");
      return Optional.empty();
    }
    return Optional.of(new WizardViewModel.Signer(k.name(), k.address()));
  }

  public void claimExit(BigInteger id) {
    signer().ifPresent(s -> wizard.startExit(s, id));
  }

  public void claimAll() {
    signer().ifPresent(wizard::startClaimAll);
  }

  public void selfExecute(BigInteger id) {
    signer().ifPresent(s -> wizard.startSelfExecute(s, id));
  }

  public void withdraw() {
    signer()
        .ifPresent(s -> wizard.startWithdraw(s, token.map(t -> t.child().toString()).orElse("")));
  }

  public void deposit() {
    signer().ifPresent(s -> wizard.startDeposit(s, token.map(t -> t.root().toString()).orElse("")));
  }

  public ObservableList<KeyInfo> keys() {
    return keys;
  }

  public ObjectProperty<KeyInfo> selectedProperty() {
    return selected;
  }

  public ObservableList<AccountExit> exits() {
    return exits;
  }

  public ObservableList<AccountDeposit> deposits() {
    return deposits;
  }

  public ObservableList<TxLine> transactions() {
    return transactions;
  }

  public ReadOnlyStringProperty balancesProperty() {
    return balances;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status;
  }

  public ReadOnlyStringProperty keyErrorProperty() {
    return keyError;
  }

  public ReadOnlyBooleanProperty keyBusyProperty() {
    return keyBusy;
  }

  public ReadOnlyBooleanProperty hasReadyProperty() {
    return hasReady;
  }

  @Override
  public void close() {
    try {
      sessionSubscription.close();
    } catch (Exception e) {
      LOG.warn("Closing the wallet's session subscription failed", e);
    }
  }
}
