package io.bridgescope.desktop;

import io.bridgescope.core.model.Address;
import io.bridgescope.desktop.accountability.AccountabilityView;
import io.bridgescope.desktop.accountability.AccountabilityViewModel;
import io.bridgescope.desktop.activity.ActivityView;
import io.bridgescope.desktop.activity.ActivityViewModel;
import io.bridgescope.desktop.checkpoints.CheckpointsView;
import io.bridgescope.desktop.commitments.CommitmentsView;
import io.bridgescope.desktop.common.TreeListViewModel;
import io.bridgescope.desktop.concurrent.CoreExecutors;
import io.bridgescope.desktop.concurrent.ExecutorTaskRunner;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.deposits.DepositsView;
import io.bridgescope.desktop.deposits.DepositsViewModel;
import io.bridgescope.desktop.dialogs.Dialogs;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.dialogs.FxDialogs;
import io.bridgescope.desktop.exits.ExitsView;
import io.bridgescope.desktop.exits.ExitsViewModel;
import io.bridgescope.desktop.notify.DesktopNotificationSink;
import io.bridgescope.desktop.notify.FxNotificationSink;
import io.bridgescope.desktop.notify.NotificationsViewModel;
import io.bridgescope.desktop.overview.OverviewView;
import io.bridgescope.desktop.overview.OverviewViewModel;
import io.bridgescope.desktop.ports.CheckpointRow;
import io.bridgescope.desktop.ports.CommitmentRow;
import io.bridgescope.desktop.ports.MessageDetail;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.search.SearchKind;
import io.bridgescope.desktop.search.SearchResolver;
import io.bridgescope.desktop.shell.MainView;
import io.bridgescope.desktop.shell.MainViewModel;
import io.bridgescope.desktop.shell.ScreenHost;
import io.bridgescope.desktop.solvency.SolvencyView;
import io.bridgescope.desktop.solvency.SolvencyViewModel;
import io.bridgescope.desktop.status.StatusViewModel;
import io.bridgescope.desktop.validators.ValidatorsView;
import io.bridgescope.desktop.validators.ValidatorsViewModel;
import io.bridgescope.desktop.wallet.WalletPort;
import io.bridgescope.desktop.wallet.WalletView;
import io.bridgescope.desktop.wallet.WalletViewModel;
import io.bridgescope.desktop.wallet.WizardView;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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
  private final DesktopNotificationSink popups;
  private final StatusViewModel status;
  private final MainViewModel main;
  private final OverviewViewModel overview;
  private final DepositsViewModel deposits;
  private final ExitsViewModel exits;
  private final TreeListViewModel<CommitmentRow> commitments;
  private final TreeListViewModel<CheckpointRow> checkpoints;
  private final ValidatorsViewModel validators;
  private final AccountabilityViewModel accountability;
  private final SolvencyViewModel solvency;
  private final WalletPort walletPort;
  private final WalletViewModel wallet;
  private final ActivityViewModel activity;
  private final NotificationsViewModel notifications;
  private final ViewLoader viewLoader;
  private final ScreenHost screens;
  private final FilePicker files;
  private final Consumer<String> openUrl;

  /** Builds every ViewModel from {@code wiring}; nothing is set on the context afterwards. */
  public AppContext(AppWiring wiring) {
    UiPorts ports = wiring.ports();
    Executor uiThread = wiring.uiThread();
    this.walletPort = wiring.wallet();
    this.files = wiring.files();
    this.openUrl = wiring.openUrl();
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
    dialogs = new FxDialogs(wiring.owner());
    copyable = new Copyable(wiring.clipboard());
    status = new StatusViewModel(ports.status(), coalescers);
    main = new MainViewModel(ports.search(), tasks, wiring.networks());
    overview = new OverviewViewModel(ports.overview(), tasks, coalescers);
    deposits = new DepositsViewModel(ports.deposits(), ports.details(), tasks, coalescers);
    exits = new ExitsViewModel(ports.exits(), ports.details(), tasks, coalescers);
    commitments =
        TreeListViewModel.commitments(ports.commitments(), ports.details(), tasks, coalescers);
    checkpoints =
        TreeListViewModel.checkpoints(ports.checkpoints(), ports.details(), tasks, coalescers);
    deposits.detail().setOpenTree(this::openTree);
    exits.detail().setOpenTree(this::openTree);
    // the desktop's own notifications where it has them (D-Bus), else the in-app popup
    popups = DesktopNotificationSink.fromEnvironment(new FxNotificationSink(), tasks);
    notifications = new NotificationsViewModel(ports.watches(), tasks, coalescers, popups);
    deposits.detail().setWatches(notifications);
    exits.detail().setWatches(notifications);
    notifications.setOpener(this::openNotice);
    main.setRevealer(this::reveal);
    // a link opened at start waits for its item: looked up again each time a chain head moves
    // (the index follows the heads; the lag text alone stays "0 blocks" on a caught-up index)
    status.rootHeadProperty().addListener((o, was, now) -> main.retryLink());
    status.childHeadProperty().addListener((o, was, now) -> main.retryLink());
    validators = new ValidatorsViewModel(ports.validators(), tasks, coalescers);
    accountability = new AccountabilityViewModel(ports.accountability(), tasks, uiThread);
    solvency = new SolvencyViewModel(ports.solvency(), tasks, coalescers, popups);
    wallet = new WalletViewModel(walletPort, tasks, dialogs);
    activity = new ActivityViewModel(wiring.activity(), tasks, coalescers, java.time.Instant::now);
    activity.setActions(
        new ActivityViewModel.Actions() {
          @Override
          public void claimExit(java.util.Optional<String> key, java.math.BigInteger id) {
            main.navigate(Screen.WALLET);
            wallet.claimExitAs(key, id);
          }

          @Override
          public void selfExecute(java.util.Optional<String> key, java.math.BigInteger id) {
            main.navigate(Screen.WALLET);
            wallet.selfExecuteAs(key, id);
          }

          @Override
          public void claimAll(String key) {
            main.navigate(Screen.WALLET);
            wallet.claimAllAs(key);
          }
        });
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

  /** A bell entry: its deposit or exit selected on its screen, or its address's items. */
  private void openNotice(io.bridgescope.desktop.ports.Notice.Target t) {
    switch (t.kind()) {
      case DEPOSIT -> {
        main.navigate(Screen.DEPOSITS);
        reveal(new SearchResolver.SearchHit(SearchKind.STATE_SYNC_ID, t.key(), ""));
      }
      case EXIT -> {
        main.navigate(Screen.EXITS);
        reveal(new SearchResolver.SearchHit(SearchKind.EXIT_ID, t.key(), ""));
      }
      case ADDRESS -> {
        main.navigate(Screen.DEPOSITS);
        reveal(new SearchResolver.SearchHit(SearchKind.ADDRESS, t.key(), ""));
      }
    }
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
    } else if (type == AccountabilityView.class) {
      return new AccountabilityView(accountability, copyable, files);
    } else if (type == SolvencyView.class) {
      return new SolvencyView(solvency, copyable);
    } else if (type == WalletView.class) {
      return new WalletView(wallet, copyable, files);
    } else if (type == ActivityView.class) {
      return new ActivityView(activity);
    } else if (type == io.bridgescope.desktop.wallet.AirGapView.class) {
      return new io.bridgescope.desktop.wallet.AirGapView(wallet.airGap(), files);
    } else if (type == WizardView.class) {
      return new WizardView(wallet.wizard(), files);
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

  public AccountabilityViewModel accountability() {
    return accountability;
  }

  public SolvencyViewModel solvency() {
    return solvency;
  }

  public NotificationsViewModel notifications() {
    return notifications;
  }

  public ScreenHost screens() {
    return screens;
  }

  public TreeListViewModel<CommitmentRow> commitments() {
    return commitments;
  }

  public TreeListViewModel<CheckpointRow> checkpoints() {
    return checkpoints;
  }

  public WalletViewModel wallet() {
    return wallet;
  }

  public ActivityViewModel activity() {
    return activity;
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
    solvency.close();
    notifications.close();
    popups.close();
    wallet.close();
    activity.close();
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
