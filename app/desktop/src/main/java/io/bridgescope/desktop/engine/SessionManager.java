package io.bridgescope.desktop.engine;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.Database;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, switches and closes the {@link Session}: on its own thread, one switch at a time, so the
 * FX thread never waits for a devnet to start or an indexer to stop. The devnet is started by the
 * app when chosen and stopped with its session.
 */
public final class SessionManager implements AutoCloseable {

  public static final String DEVNET_LABEL = "devnet (embedded)";
  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final DataDir dataDir;
  private final DesktopSettings settings;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "bs-session");
            t.setDaemon(true);
            return t;
          });
  private final List<Runnable> sessionListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> progressListeners = new CopyOnWriteArrayList<>();
  private volatile Session current;
  private volatile String progress = "No network open";

  public SessionManager(DataDir dataDir) {
    this.dataDir = dataDir;
    this.settings = new DesktopSettings(dataDir);
  }

  /** A manager that already holds {@code session} (tests, probes). */
  public static SessionManager of(DataDir dataDir, Session session) {
    SessionManager m = new SessionManager(dataDir);
    m.current = session;
    m.progress = "";
    return m;
  }

  public DataDir dataDir() {
    return dataDir;
  }

  public DesktopSettings settings() {
    return settings;
  }

  public Optional<Session> current() {
    return Optional.ofNullable(current);
  }

  public String progress() {
    return progress;
  }

  /** Networks the switcher offers: the devnet, then saved profiles by name. */
  public List<String> networks() {
    List<String> out = new ArrayList<>(List.of(DesktopSettings.DEVNET));
    Path dir = dataDir.root().resolve("networks");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .map(n -> n.substring(0, n.length() - 5))
            .filter(n -> !n.equals(DesktopSettings.DEVNET))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        LOG.warn("Could not list saved networks in {}", dir, e);
      }
    }
    return out;
  }

  /** Opens the network saved as last (first run: the devnet). */
  public Future<?> openLast() {
    return thread.submit(() -> switchTo(settings.lastNetwork()));
  }

  /** Closes the current session and opens {@code network} ("devnet" or a saved profile name). */
  public Future<?> open(String network) {
    return thread.submit(() -> switchTo(network));
  }

  /**
   * Imports a profile JSON, saves it and opens it. An Edge genesis.json lacks the RPC URLs and the
   * root chain id; the shell's import dialog completes it ({@code EngineNetworks#importGenesis}).
   */
  public Future<?> importAndOpen(Path file) {
    return thread.submit(
        () -> {
          try {
            NetworkProfile p = readProfile(file);
            dataDir.saveProfile(p);
            switchTo(p.name());
          } catch (IOException | RuntimeException e) {
            report("Could not import " + file.getFileName() + ": " + e.getMessage());
          }
        });
  }

  private static NetworkProfile readProfile(Path file) throws IOException {
    String json = Files.readString(file);
    if (EdgeGenesisImport.looksLikeGenesis(json)) {
      throw new IllegalArgumentException(
          "it is an Edge genesis.json; choose it with \"Open profile…\", which asks for the RPC"
              + " URLs it lacks");
    }
    return NetworkProfileJson.parse(json, file.toString());
  }

  private void switchTo(String network) {
    closeCurrent();
    try {
      Session s = network.equals(DesktopSettings.DEVNET) ? startDevnet() : openSaved(network);
      current = s;
      settings.setLastNetwork(network);
      report("");
    } catch (Exception e) {
      LOG.warn("Opening network {} failed", network, e);
      report("Could not open " + network + ": " + e.getMessage());
    }
    sessionListeners.forEach(Runnable::run);
  }

  private Session startDevnet() throws IOException {
    report("Starting root and child chains…");
    Path work = Files.createTempDirectory("bridgescope-devnet-");
    Devnet devnet =
        Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, this::devnetProgress);
    try {
      NetworkProfile p = devnet.profile();
      Path db = dataDir.database(p.name());
      Files.createDirectories(db.getParent());
      // Each devnet is a new pair of chains: yesterday's index would describe chains that are gone.
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(db + suffix));
      }
      dataDir.saveProfile(p);
      // if the app is killed, the profile stays behind: `status` then says the devnet stopped
      DevnetOwner.current("the desktop app").save(dataDir, p.name());
      report("Indexing the devnet…");
      return Session.open(p, DEVNET_LABEL, Database.open(db), Optional.of(devnet));
    } catch (IOException | RuntimeException e) {
      devnet.close();
      throw e;
    }
  }

  private void devnetProgress(String message) {
    String m = message.toLowerCase();
    if (m.contains("deploy")) {
      report("Deploying bridge contracts…");
    } else if (m.contains("anvil") || m.contains("chain")) {
      report("Starting root and child chains…");
    } else {
      report("Devnet: " + message);
    }
  }

  private Session openSaved(String network) throws IOException {
    report("Opening " + network + "…");
    NetworkProfile p = dataDir.profile(network);
    Path db = dataDir.database(p.name());
    Files.createDirectories(db.getParent());
    return Session.open(p, p.name(), Database.open(db), Optional.empty());
  }

  private void closeCurrent() {
    Session s = current;
    if (s != null) {
      report("Closing " + s.label() + "…");
      current = null;
      sessionListeners.forEach(Runnable::run);
      try {
        s.close();
        if (s.devnet().isPresent()) {
          DevnetOwner.clear(dataDir, s.profile().name());
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("Closing {} failed", s.label(), e);
      }
    }
  }

  private void report(String message) {
    progress = message;
    progressListeners.forEach(l -> l.accept(message));
  }

  /** Called (on the session thread) after the session was replaced or closed. */
  public AutoCloseable onSessionChange(Runnable listener) {
    sessionListeners.add(listener);
    return () -> sessionListeners.remove(listener);
  }

  /** Progress messages while starting or switching ("Deploying bridge contracts…"). */
  public AutoCloseable onProgress(Consumer<String> listener) {
    progressListeners.add(listener);
    return () -> progressListeners.remove(listener);
  }

  /** Stops the session (and its devnet); waits at most 20 s. Call off the FX thread if possible. */
  @Override
  public void close() {
    thread.submit(this::closeCurrent);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(20, TimeUnit.SECONDS)) {
        LOG.warn("The session did not close in 20 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
