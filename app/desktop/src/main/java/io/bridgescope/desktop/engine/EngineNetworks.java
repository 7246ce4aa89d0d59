package io.bridgescope.desktop.engine;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.EdgeGenesis;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.network.GenesisImporter;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.desktop.shell.NetworkSwitcher;
import io.bridgescope.desktop.shell.ProfileFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** The top bar's network switcher over the {@link SessionManager}. */
public final class EngineNetworks implements NetworkSwitcher {

  private final SessionManager sessions;
  private volatile @Nullable String chosen;

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
        .map(s -> s.devnet().isPresent() ? DesktopSettings.EMBEDDED : s.profile().name());
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
  public ProfileFile inspect(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    if (EdgeGenesisImport.looksLikeGenesis(json)) {
      return new ProfileFile.Genesis(file, EdgeGenesisImport.parse(json, "genesis file " + file));
    }
    // Checked here so that a broken file is reported before the open network is closed.
    NetworkProfileJson.parse(json, file.toString());
    return new ProfileFile.Profile(file);
  }

  @Override
  public String importGenesis(EdgeGenesis genesis, GenesisImporter.Request request, boolean replace)
      throws IOException {
    var p = GenesisImporter.build(genesis, request, GenesisImporter.rpcProbe());
    sessions.dataDir().saveNewProfile(p, replace);
    return p.name();
  }

  @Override
  public Optional<String> teamStore() {
    return sessions.teamStore();
  }

  @Override
  public void openTeamIndex(String url, BooleanSupplier cancelled) throws Exception {
    try {
      sessions.openTeam(url, cancelled).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      throw e;
    }
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
    sessions.background(
        "Saving the explorer URL",
        () -> sessions.settings().setExplorer(root ? ChainRole.ROOT : ChainRole.CHILD, url));
  }
}
