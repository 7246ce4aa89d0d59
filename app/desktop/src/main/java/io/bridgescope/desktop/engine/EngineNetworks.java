package io.bridgescope.desktop.engine;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.desktop.shell.NetworkSwitcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The top bar's network switcher over the {@link SessionManager}. */
public final class EngineNetworks implements NetworkSwitcher {

  private final SessionManager sessions;
  private volatile String chosen;

  public EngineNetworks(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<String> networks() {
    return sessions.networks();
  }

  @Override
  public Optional<String> current() {
    if (chosen != null) {
      return Optional.of(chosen);
    }
    return sessions
        .current()
        .map(s -> s.devnet().isPresent() ? DesktopSettings.DEVNET : s.profile().name());
  }

  @Override
  public void open(String network) {
    if (!network.equals(current().orElse(null))) {
      chosen = network;
      sessions.open(network);
    }
  }

  @Override
  public void importFile(Path file) {
    chosen = null;
    sessions.importAndOpen(file);
  }

  @Override
  public AutoCloseable onChange(Runnable changed) {
    return sessions.onSessionChange(changed);
  }

  @Override
  public Optional<String> explorer(boolean root) {
    return sessions.settings().explorer(root ? ChainRole.ROOT : ChainRole.CHILD);
  }

  @Override
  public void setExplorer(boolean root, String url) {
    // A small properties file, but still disk I/O: not on the FX thread.
    CompletableFuture.runAsync(
        () -> sessions.settings().setExplorer(root ? ChainRole.ROOT : ChainRole.CHILD, url));
  }
}
