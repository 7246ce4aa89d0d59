package io.bridgescope.desktop.engine;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.config.DevnetOwner;
import io.bridgescope.core.identity.TeamIndexIdentity;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.desktop.status.TeamIndexProblem;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, switches and closes the {@link Session}: on its own thread, one switch at a time, so the
 * FX thread never waits for a devnet to start or an indexer to stop. The devnet is started by the
 * app when chosen and stopped with its session.
 */
public final class SessionManager implements AutoCloseable {

  public static final String DEVNET_LABEL = DesktopSettings.EMBEDDED;
  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final DataDir dataDir;
  private final DesktopSettings settings;
  private final ExecutorService thread = Threads.single("bs-session");
  private final List<Runnable> sessionListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> progressListeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable Session current;
  private volatile DevnetConfig devnetConfig = DevnetConfig.defaults();
  private volatile String progress = "No network open";

  /** What to say once the session opened, instead of nothing (a team index that fell back). */
  private @Nullable String notice;

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

  /**
   * Networks the switcher offers: the embedded devnet, then saved profiles by name. A saved
   * "devnet" is offered too (a running {@code bridgescope demo}, or a profile the user named so),
   * unless it is the profile of this app's own embedded devnet or of a demo that has stopped.
   */
  public List<String> networks() {
    List<String> out = new ArrayList<>(List.of(DesktopSettings.EMBEDDED));
    Path dir = dataDir.root().resolve("networks");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json"))
            .map(n -> n.substring(0, n.length() - 5))
            .filter(this::offered)
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        LOG.warn("Could not list saved networks in {}", dir, e);
      }
    }
    return out;
  }

  private boolean offered(String name) {
    Session s = current;
    if (s != null && s.devnet().isPresent() && s.profile().name().equals(name)) {
      return false; // the embedded entry already stands for it
    }
    return DevnetOwner.read(dataDir, name).map(DevnetOwner::running).orElse(true);
  }

  /** Opens the network saved as last (first run: the embedded devnet). */
  public Future<?> openLast() {
    return thread.submit(() -> switchToNamed(settings.lastNetwork()));
  }

  /**
   * Opens the network a link names: a saved profile, where "devnet" is the embedded devnet unless a
   * saved "devnet" profile that can be opened is there (a running {@code bridgescope demo}).
   */
  public Future<?> openNamed(String network) {
    return thread.submit(() -> switchToNamed(network));
  }

  private void switchToNamed(String name) {
    // Older settings said "devnet" for the embedded devnet: keep that meaning unless a saved
    // "devnet" profile that can be opened is there.
    boolean embedded =
        name.equals(DesktopSettings.DEVNET)
            && (!Files.isRegularFile(dataDir.profileFile(name)) || !offered(name));
    switchTo(embedded ? DesktopSettings.EMBEDDED : name);
  }

  /**
   * Runs a small piece of disk work (a settings write) on the session thread: off the FX thread, in
   * order with the switches, and logged if it fails.
   */
  public Future<?> background(String what, Runnable work) {
    return thread.submit(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            LOG.warn("{} failed", what, e);
          }
        });
  }

  /**
   * Closes the current session and opens {@code network}: {@link DesktopSettings#EMBEDDED} or a
   * saved profile name (including one named "devnet").
   */
  public Future<?> open(String network) {
    return thread.submit(() -> switchTo(network));
  }

  /** Starts the embedded devnet as {@code config} says (the {@code demo} flags) and opens it. */
  public Future<?> openDevnet(DevnetConfig config) {
    devnetConfig = config;
    return open(DesktopSettings.EMBEDDED);
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
      Session s = network.equals(DesktopSettings.EMBEDDED) ? startDevnet() : openSaved(network);
      current = s;
      settings.setLastNetwork(network);
      String n = notice;
      notice = null;
      report(n == null ? "" : n);
    } catch (Exception e) {
      LOG.warn("Opening network {} failed", network, e);
      report("Could not open " + network + ": " + e.getMessage());
    }
    sessionListeners.forEach(Runnable::run);
  }

  private Session startDevnet() throws IOException {
    report("Starting root and child chains…");
    Path work = Files.createTempDirectory("bridgescope-devnet-");
    Devnet devnet = Devnet.start(devnetConfig, DevnetHome.locate(), work, this::devnetProgress);
    try {
      NetworkProfile p = devnet.profile();
      if (DevnetOwner.read(dataDir, p.name()).filter(DevnetOwner::running).isPresent()) {
        // A running `bridgescope demo` owns "devnet": keep its profile and index intact.
        p = p.toBuilder().name(p.name() + "-desktop").build();
      }
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
    String m = message.toLowerCase(Locale.ROOT);
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
    Optional<DevnetOwner> owner = DevnetOwner.read(dataDir, network);
    if (owner.isPresent() && !owner.get().running()) {
      throw new IOException(owner.get().stoppedMessage());
    }
    NetworkProfile p = dataDir.profile(network);
    Path db = dataDir.database(p.name());
    Files.createDirectories(db.getParent());
    String store = p.store();
    if (store != null) {
      // As the CLI: a profile naming its team index is read from there, read-only.
      PgTarget t = PgTarget.parse(store, System.getenv());
      try {
        report("Connecting to the team index " + TeamIndex.name(t) + "…");
        Database team = Database.openPostgres(t, System.getenv(), false, false);
        return Session.team(p, teamLabel(p), team, t, Database.open(db));
      } catch (StoreException e) {
        LOG.warn("The team index {} of {} could not be opened: {}", t, p.name(), e.getMessage());
        notice = "Team index not opened, reading the local index: " + TeamIndexProblem.words(e);
      }
    }
    return Session.open(
        p, p.name(), Database.open(db), Optional.empty(), settings.explorerApiKey());
  }

  private static String teamLabel(NetworkProfile p) {
    return p.name() + " (team index)";
  }

  /**
   * Reads the open network from the team index at {@code url} (read-only) instead of its local
   * file. The index is opened before anything else changes: when it cannot be (the typed {@link
   * StoreException} the future fails with), or {@code cancelled} says so by then, the open session
   * goes on as it was. The URL is checked with {@link PgTarget#parse} (a password in it is
   * refused).
   */
  public Future<?> openTeam(String url, BooleanSupplier cancelled) {
    return thread.submit(
        () -> {
          switchToTeam(url, cancelled);
          return null;
        });
  }

  private void switchToTeam(String url, BooleanSupplier cancelled) throws IOException {
    Session s = current;
    if (s == null) {
      throw new IllegalStateException(
          "Open a saved network first: the team index is read with its profile (chains,"
              + " contracts).");
    }
    if (s.devnet().isPresent()) {
      throw new IllegalStateException(
          "The embedded devnet is indexed by this app; a team index belongs to a saved network:"
              + " choose it first.");
    }
    PgTarget t = PgTarget.parse(url, System.getenv());
    NetworkProfile p = s.profile();
    String was = progress;
    report("Connecting to the team index " + TeamIndex.name(t) + "…");
    Database team;
    try {
      team = Database.openPostgres(t, System.getenv(), false, false);
      // Checked before the open session is closed: another network's index leaves it as it was.
      TeamIndexIdentity.requireSameNetwork(p, team, s.localDb());
    } catch (RuntimeException e) {
      report(was);
      throw e;
    }
    if (cancelled.getAsBoolean()) {
      report(was);
      return;
    }
    closeCurrent();
    try {
      Path db = dataDir.database(p.name());
      Files.createDirectories(db.getParent());
      current = Session.team(p, teamLabel(p), team, t, Database.open(db));
      report("");
    } catch (IOException | RuntimeException e) {
      LOG.warn("Opening the team index {} failed", t, e);
      report("Could not open the team index: " + e.getMessage());
    }
    sessionListeners.forEach(Runnable::run);
  }

  /** The open profile's team index URL ({@code store}), or the one the open session reads. */
  public Optional<String> teamStore() {
    Session s = current;
    if (s == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(s.profile().store())
        .or(() -> s.teamTarget().map(PgTarget::toString));
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

  /** Shows {@code message} where the progress of opening a network is shown. */
  public void reportProblem(String message) {
    thread.submit(() -> report(message));
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
