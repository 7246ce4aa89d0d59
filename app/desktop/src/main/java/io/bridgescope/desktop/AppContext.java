package io.bridgescope.desktop;

import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.checkpoints.CheckpointsView;
import io.bridgescope.desktop.checkpoints.CheckpointsViewModel;
import io.bridgescope.desktop.commitments.CommitmentsView;
import io.bridgescope.desktop.commitments.CommitmentsViewModel;
import io.bridgescope.desktop.concurrent.CoreExecutors;
import io.bridgescope.desktop.concurrent.ExecutorTaskRunner;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.deposits.DepositsView;
import io.bridgescope.desktop.deposits.DepositsViewModel;
import io.bridgescope.desktop.dialogs.Dialogs;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.dialogs.FxDialogs;
import io.bridgescope.desktop.dialogs.FxFilePicker;
import io.bridgescope.desktop.exits.ExitsView;
import io.bridgescope.desktop.exits.ExitsViewModel;
import io.bridgescope.desktop.notify.FxNotificationSink;
import io.bridgescope.desktop.notify.NotificationsViewModel;
import io.bridgescope.desktop.overview.OverviewView;
import io.bridgescope.desktop.overview.OverviewViewModel;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.search.SearchResolver;
import io.bridgescope.desktop.shell.MainView;
import io.bridgescope.desktop.shell.MainViewModel;
import io.bridgescope.desktop.shell.NetworkSwitcher;
import io.bridgescope.desktop.shell.ScreenHost;
import io.bridgescope.desktop.status.StatusViewModel;
import io.bridgescope.desktop.validators.ValidatorsView;
import io.bridgescope.desktop.validators.ValidatorsViewModel;
import io.bridgescope.desktop.wallet.NoWallet;
import io.bridgescope.desktop.wallet.WalletPort;
import io.bridgescope.desktop.wallet.WalletView;
import io.bridgescope.desktop.wallet.WalletViewModel;
import io.bridgescope.desktop.wallet.WizardView;
import io.bridgescope.desktop.widgets.ClipboardService;
import io.bridgescope.desktop.widgets.Copyable;
import io.bridgescope.desktop.widgets.FxClipboard;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * All wiring, by hand, in one place: executors, the task runner, ViewModels (one per screen, living
 * as long as the app) and the FXML controller factory that hands them to the Views.
 */
public final class AppContext implements AutoCloseable {

  private final CoreExecutors executors;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private final Dialogs dialogs;
  private final Copyable copyable;
  private final StatusViewModel status;
  private final MainViewModel main;
  private final OverviewViewModel overview;
  private final DepositsViewModel deposits;
  private final ExitsViewModel exits;
  private final CommitmentsViewModel commitments;
  private final CheckpointsViewModel checkpoints;
  private final ValidatorsViewModel validators;
  private final WalletPort walletPort;
  private final WalletViewModel wallet;
  private final NotificationsViewModel notifications;
  private final ViewLoader viewLoader;
  private final ScreenHost screens;
  private final FilePicker files;
  private final Consumer<String> openUrl;

  /**
   * @param ports what the engine provides ({@link UiPorts#notConnected()} until it exists)
   * @param uiThread {@code Platform::runLater} in the app
   * @param owner the main window, for dialogs
   */
  public AppContext(UiPorts ports, Executor uiThread, Supplier<Window> owner) {
    this(ports, uiThread, owner, new FxClipboard());
  }

  public AppContext(
      UiPorts ports, Executor uiThread, Supplier<Window> owner, ClipboardService clipboard) {
    this(ports, uiThread, owner, clipboard, new FxFilePicker(owner), url -> {});
  }

  /**
   * @param files file choosers (tests answer without dialogs)
   * @param openUrl opens a web page (the app's HostServices)
   */
  public AppContext(
      UiPorts ports,
      Executor uiThread,
      Supplier<Window> owner,
      ClipboardService clipboard,
      FilePicker files,
      Consumer<String> openUrl) {
    this(ports, uiThread, owner, clipboard, files, openUrl, new NoWallet());
  }

  /**
   * @param walletPort the key store and the open network's wallet
   */
  public AppContext(
      UiPorts ports,
      Executor uiThread,
      Supplier<Window> owner,
      ClipboardService clipboard,
      FilePicker files,
      Consumer<String> openUrl,
      WalletPort walletPort) {
    this.walletPort = walletPort;
    this.files = files;
    this.openUrl = openUrl;
    executors = new CoreExecutors(Math.max(2, Runtime.getRuntime().availableProcessors() / 2));
    tasks = new ExecutorTaskRunner(executors.workers(), uiThread);
    coalescers =
        new UiCoalescer.Factory() {
          @Override
          public <T> Consumer<T> create(Consumer<? super T> sink) {
            return new UiCoalescer<>(
                sink, uiThread, executors.timer(), UiCoalescer.DEFAULT_INTERVAL);
          }
        };
    dialogs = new FxDialogs(owner);
    copyable = new Copyable(clipboard);
    status = new StatusViewModel(ports.status(), coalescers);
    main = new MainViewModel(ports.search(), tasks);
    overview = new OverviewViewModel(ports.overview(), tasks, coalescers);
    deposits = new DepositsViewModel(ports.deposits(), ports.details(), tasks, coalescers);
    exits = new ExitsViewModel(ports.exits(), ports.details(), tasks, coalescers);
    commitments = new CommitmentsViewModel(ports.commitments(), ports.details(), tasks, coalescers);
    checkpoints = new CheckpointsViewModel(ports.checkpoints(), ports.details(), tasks, coalescers);
    deposits.detail().setOpenTree(this::openTree);
    exits.detail().setOpenTree(this::openTree);
    notifications =
        new NotificationsViewModel(ports.watches(), tasks, coalescers, new FxNotificationSink());
    deposits.detail().setWatches(notifications);
    exits.detail().setWatches(notifications);
    main.setRevealer(this::reveal);
    validators = new ValidatorsViewModel(ports.validators(), tasks, coalescers);
    wallet = new WalletViewModel(walletPort, tasks, dialogs);
    exits.detail().setAction(this::claimExit);
    deposits.detail().setAction(this::selfExecute);
    viewLoader = new ViewLoader(this::createController);
    screens = new ScreenHost(viewLoader);
  }

  /** Arriving from a deposit or exit: its commitment or checkpoint, with its leaf lit. */
  private void openTree(MessageDetail.TreeRef ref) {
    if (ref.commitment()) {
      main.navigate(Screen.COMMITMENTS);
      commitments.showLeaf(ref.key(), ref.leafId());
    } else {
      main.navigate(Screen.CHECKPOINTS);
      checkpoints.showLeaf(ref.key(), ref.leafId());
    }
  }

  /** The exit detail's action: the Wallet screen's exit wizard for that id. */
  private void claimExit(java.math.BigInteger id) {
    main.navigate(Screen.WALLET);
    wallet.claimExit(id);
  }

  /** The deposit detail's action: the Wallet screen's self-execute wizard for that id. */
  private void selfExecute(java.math.BigInteger id) {
    main.navigate(Screen.WALLET);
    wallet.selfExecute(id);
  }

  /** A search hit: its screen scrolls to it and selects it (an address filters both lists). */
  private void reveal(SearchResolver.SearchHit hit) {
    switch (hit.kind()) {
      case STATE_SYNC_ID, TX_HASH -> {
        deposits.table().clearFilter();
        deposits.table().reveal(hit.key());
      }
      case EXIT_ID -> {
        exits.table().clearFilter();
        exits.table().reveal(hit.key());
      }
      case COMMITMENT -> commitments.table().reveal(hit.key());
      case EPOCH -> checkpoints.table().reveal(hit.key());
      case ADDRESS -> {
        Address a = Address.of(hit.key());
        deposits.table().filterByAddress(a);
        exits.table().filterByAddress(a);
      }
    }
  }

  /** Connects the top bar's network switcher (the engine's sessions). */
  public void setNetworks(NetworkSwitcher networks) {
    main.setSwitcher(networks);
  }

  /** The FXML controller factory: every View gets its ViewModel through its constructor. */
  Object createController(Class<?> type) {
    if (type == MainView.class) {
      return new MainView(main, status, screens, files, notifications);
    } else if (type == OverviewView.class) {
      return new OverviewView(overview);
    } else if (type == DepositsView.class) {
      return new DepositsView(deposits, copyable, files, openUrl);
    } else if (type == ExitsView.class) {
      return new ExitsView(exits, copyable, files, openUrl);
    } else if (type == CommitmentsView.class) {
      return new CommitmentsView(commitments, copyable, files);
    } else if (type == CheckpointsView.class) {
      return new CheckpointsView(checkpoints, copyable, files);
    } else if (type == ValidatorsView.class) {
      return new ValidatorsView(validators, copyable);
    } else if (type == WalletView.class) {
      return new WalletView(wallet, copyable, files);
    } else if (type == WizardView.class) {
      return new WizardView(wallet.wizard());
    }
    throw new IllegalArgumentException("No controller wiring for " + type.getName());
  }

  public ViewLoader viewLoader() {
    return viewLoader;
  }

  public TaskRunner tasks() {
    return tasks;
  }

  public Dialogs dialogs() {
    return dialogs;
  }

  public MainViewModel main() {
    return main;
  }

  public DepositsViewModel deposits() {
    return deposits;
  }

  public ExitsViewModel exits() {
    return exits;
  }

  public OverviewViewModel overview() {
    return overview;
  }

  public ValidatorsViewModel validators() {
    return validators;
  }

  public NotificationsViewModel notifications() {
    return notifications;
  }

  public ScreenHost screens() {
    return screens;
  }

  public CommitmentsViewModel commitments() {
    return commitments;
  }

  public CheckpointsViewModel checkpoints() {
    return checkpoints;
  }

  public WalletViewModel wallet() {
    return wallet;
  }

  @Override
  public void close() {
    status.close();
    overview.close();
    deposits.close();
    exits.close();
    commitments.close();
    checkpoints.close();
    validators.close();
    notifications.close();
    wallet.close();
    if (walletPort instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("Closing the wallet failed", e);
      }
    }
    executors.close();
  }
}
