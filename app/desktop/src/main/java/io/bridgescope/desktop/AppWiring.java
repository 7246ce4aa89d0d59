package io.bridgescope.desktop;

import io.bridgescope.desktop.activity.ActivityPort;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.dialogs.FxFilePicker;
import io.bridgescope.desktop.ports.UiPorts;
import io.bridgescope.desktop.shell.NetworkSwitcher;
import io.bridgescope.desktop.wallet.NoWallet;
import io.bridgescope.desktop.wallet.WalletPort;
import io.bridgescope.desktop.widgets.ClipboardService;
import io.bridgescope.desktop.widgets.FxClipboard;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Everything {@link AppContext} is built from, given at once: the app passes the engine's pieces, a
 * test its recording clipboard or file picker. Start from {@link #of} (what needs no engine) and
 * replace what differs with the {@code with} methods, so no part is set after the context exists.
 *
 * @param ports what the engine provides ({@link UiPorts#notConnected()} until it exists)
 * @param uiThread {@code Platform::runLater} in the app
 * @param owner the main window, for dialogs
 * @param clipboard where Copy writes
 * @param files file choosers (tests answer without dialogs)
 * @param openUrl opens a web page (the app's HostServices)
 * @param wallet the key store and the open network's wallet
 * @param networks the top bar's network switcher (the engine's sessions)
 * @param activity My activity's keys, followed addresses and their deposits and exits
 */
public record AppWiring(
    UiPorts ports,
    Executor uiThread,
    Supplier<Window> owner,
    ClipboardService clipboard,
    FilePicker files,
    Consumer<String> openUrl,
    WalletPort wallet,
    NetworkSwitcher networks,
    ActivityPort activity) {

  /** The system clipboard, the FX file choosers, no browser, no wallet and no networks. */
  public static AppWiring of(UiPorts ports, Executor uiThread, Supplier<Window> owner) {
    return new AppWiring(
        ports,
        uiThread,
        owner,
        new FxClipboard(),
        new FxFilePicker(owner),
        url -> {},
        new NoWallet(),
        NetworkSwitcher.NONE,
        ActivityPort.NONE);
  }

  public AppWiring withClipboard(ClipboardService c) {
    return new AppWiring(ports, uiThread, owner, c, files, openUrl, wallet, networks, activity);
  }

  public AppWiring withFiles(FilePicker f) {
    return new AppWiring(ports, uiThread, owner, clipboard, f, openUrl, wallet, networks, activity);
  }

  public AppWiring withOpenUrl(Consumer<String> o) {
    return new AppWiring(ports, uiThread, owner, clipboard, files, o, wallet, networks, activity);
  }

  public AppWiring withWallet(WalletPort w) {
    return new AppWiring(ports, uiThread, owner, clipboard, files, openUrl, w, networks, activity);
  }

  public AppWiring withActivity(ActivityPort a) {
    return new AppWiring(ports, uiThread, owner, clipboard, files, openUrl, wallet, networks, a);
  }

  public AppWiring withNetworks(NetworkSwitcher n) {
    return new AppWiring(ports, uiThread, owner, clipboard, files, openUrl, wallet, n, activity);
  }
}
