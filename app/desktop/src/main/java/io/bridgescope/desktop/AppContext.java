package io.bridgescope.desktop;

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
import io.bridgescope.desktop.dialogs.FxDialogs;
import io.bridgescope.desktop.exits.ExitsView;
import io.bridgescope.desktop.exits.ExitsViewModel;
import io.bridgescope.desktop.overview.OverviewView;
import io.bridgescope.desktop.overview.OverviewViewModel;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.shell.MainView;
import io.bridgescope.desktop.shell.MainViewModel;
import io.bridgescope.desktop.shell.ScreenHost;
import io.bridgescope.desktop.status.StatusViewModel;
import io.bridgescope.desktop.validators.ValidatorsView;
import io.bridgescope.desktop.validators.ValidatorsViewModel;
import io.bridgescope.desktop.wallet.WalletView;
import io.bridgescope.desktop.wallet.WalletViewModel;
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
  private final WalletViewModel wallet;
  private final ViewLoader viewLoader;
  private final ScreenHost screens;

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
    deposits = new DepositsViewModel(ports.deposits(), tasks, coalescers);
    exits = new ExitsViewModel(ports.exits(), tasks, coalescers);
    commitments = new CommitmentsViewModel(ports.commitments(), tasks, coalescers);
    checkpoints = new CheckpointsViewModel(ports.checkpoints(), tasks, coalescers);
    validators = new ValidatorsViewModel(ports.validators(), tasks, coalescers);
    wallet = new WalletViewModel();
    viewLoader = new ViewLoader(this::createController);
    screens = new ScreenHost(viewLoader);
  }

  /** The FXML controller factory: every View gets its ViewModel through its constructor. */
  Object createController(Class<?> type) {
    if (type == MainView.class) {
      return new MainView(main, status, screens);
    } else if (type == OverviewView.class) {
      return new OverviewView(overview);
    } else if (type == DepositsView.class) {
      return new DepositsView(deposits, copyable);
    } else if (type == ExitsView.class) {
      return new ExitsView(exits, copyable);
    } else if (type == CommitmentsView.class) {
      return new CommitmentsView(commitments, copyable);
    } else if (type == CheckpointsView.class) {
      return new CheckpointsView(checkpoints, copyable);
    } else if (type == ValidatorsView.class) {
      return new ValidatorsView(validators, copyable);
    } else if (type == WalletView.class) {
      return new WalletView(wallet);
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

  public CommitmentsViewModel commitments() {
    return commitments;
  }

  public CheckpointsViewModel checkpoints() {
    return checkpoints;
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
    executors.close();
  }
}
