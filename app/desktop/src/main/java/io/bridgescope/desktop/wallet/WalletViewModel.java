package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.dialogs.Dialogs;
import io.bridgescope.desktop.wallet.WalletPort.AccountDeposit;
import io.bridgescope.desktop.wallet.WalletPort.AccountExit;
import io.bridgescope.desktop.wallet.WalletPort.Balances;
import io.bridgescope.desktop.wallet.WalletPort.TxLine;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Wallet screen: the chosen account's balances, exits and deposits, the transaction journal,
 * and the send wizard; the key store is its own {@link KeyStoreViewModel}. Every chain call runs
 * through the {@link TaskRunner}.
 */
public final class WalletViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalletViewModel.class);

  private final WalletPort port;
  private final TaskRunner tasks;
  private final WizardViewModel wizard;
  private final AirGapViewModel airGap;
  private final KeyStoreViewModel keyStore;
  private final ObservableList<AccountExit> exits = FXCollections.observableArrayList();
  private final ObservableList<AccountDeposit> deposits = FXCollections.observableArrayList();
  private final ObservableList<TxLine> transactions = FXCollections.observableArrayList();
  private final SimpleStringProperty balances = new SimpleStringProperty("");
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleBooleanProperty hasReady = new SimpleBooleanProperty();
  private final AutoCloseable sessionSubscription;
  private final AutoCloseable dataSubscription;
  private final java.util.concurrent.atomic.AtomicBoolean refreshQueued =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastFollow = Long.MIN_VALUE;

  /** Index moves closer together than this do not reload the account (its balances ask RPC). */
  static final long FOLLOW_GAP_NANOS = 2_000_000_000L;

  private Optional<WalletPort.TokenPair> token = Optional.empty();
  private long accountGeneration;

  public WalletViewModel(WalletPort port, TaskRunner tasks, Dialogs dialogs) {
    this.port = port;
    this.tasks = tasks;
    this.wizard = new WizardViewModel(port, tasks);
    this.keyStore = new KeyStoreViewModel(port, tasks, dialogs, status::set);
    wizard.setOnFinished(this::refreshAccount);
    this.airGap = new AirGapViewModel(port, tasks);
    airGap.setOnFinished(this::refreshAccount);
    keyStore.selectedProperty().addListener((obs, old, now) -> refreshAccount());
    sessionSubscription = port.onSessionChange(this::sessionChanged);
    dataSubscription = port.onDataChange(this::indexMoved);
    keyStore.refreshKeys();
    sessionChanged();
  }

  public WizardViewModel wizard() {
    return wizard;
  }

  /** Sign a transaction file, send a signed file: the air-gapped flow. */
  public AirGapViewModel airGap() {
    return airGap;
  }

  /** The key store half of the screen; its chosen key is the account shown here. */
  public KeyStoreViewModel keyStore() {
    return keyStore;
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

  /**
   * The index moved (any thread): reload the account so its exits and deposits, and their "in ~9 s"
   * countdowns, follow the chain instead of freezing at the last user action. One reload at a time,
   * at most one per {@link #FOLLOW_GAP_NANOS}.
   */
  private void indexMoved() {
    long now = System.nanoTime();
    if (lastFollow != Long.MIN_VALUE && now - lastFollow < FOLLOW_GAP_NANOS) {
      return;
    }
    if (refreshQueued.compareAndSet(false, true)) {
      lastFollow = now;
      // run through the task runner only to land on the UI thread, where the account reloads
      tasks.run(
          "wallet follows the index",
          () -> Boolean.TRUE,
          ignored -> {
            refreshQueued.set(false);
            refreshAccount();
          },
          e -> refreshQueued.set(false));
    }
  }

  /** Reloads balances, exits, deposits and the journal of the chosen account. */
  public void refreshAccount() {
    long gen = ++accountGeneration;
    KeyInfo k = keyStore.selectedProperty().get();
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

  private Optional<WizardViewModel.Signer> signer() {
    KeyInfo k = keyStore.selectedProperty().get();
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

  /**
   * Claims exit {@code id} paid by the key named {@code key} (the chosen key when empty): My
   * activity's action, in this screen's wizard.
   */
  public void claimExitAs(Optional<String> key, BigInteger id) {
    as(key, () -> claimExit(id));
  }

  /** Executes deposit {@code id} paid by the key named {@code key} (the chosen key when empty). */
  public void selfExecuteAs(Optional<String> key, BigInteger id) {
    as(key, () -> selfExecute(id));
  }

  /** Claims every ready exit of the key named {@code key} in one batchExit, paid by that key. */
  public void claimAllAs(String key) {
    as(Optional.of(key), this::claimAll);
  }

  private void as(Optional<String> key, Runnable action) {
    if (key.isPresent()) {
      keyStore.chooseByName(key.get(), action);
    } else {
      action.run();
    }
  }

  public void withdraw() {
    signer()
        .ifPresent(s -> wizard.startWithdraw(s, token.map(t -> t.child().toString()).orElse("")));
  }

  public void deposit() {
    signer().ifPresent(s -> wizard.startDeposit(s, token.map(t -> t.root().toString()).orElse("")));
  }

  /**
   * Opens the form for a child-native token, either way: from the child to the root, or its root
   * mirror home ({@code a} is one of the wizard's child-native actions).
   */
  public void childNative(WizardViewModel.Action a) {
    signer().ifPresent(s -> wizard.startChildNative(s, a));
  }

  /** Opens the NFT withdraw form (the token is the child token of the ids). */
  public void nftWithdraw() {
    signer().ifPresent(s -> wizard.startNftWithdraw(s, ""));
  }

  /** Opens the NFT deposit form (the token is the root token of the ids). */
  public void nftDeposit() {
    signer().ifPresent(s -> wizard.startNftDeposit(s, ""));
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

  public ReadOnlyBooleanProperty hasReadyProperty() {
    return hasReady;
  }

  @Override
  public void close() {
    try {
      sessionSubscription.close();
      dataSubscription.close();
    } catch (Exception e) {
      LOG.warn("Closing the wallet's session subscription failed", e);
    }
  }
}
