package io.bridgescope.desktop.engine;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.identity.TeamIndexIdentity;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.desktop.status.TeamIndexState;
import io.bridgescope.devnet.Devnet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open network: its database, the indexer over it, the verifier re-checking what was indexed,
 * the lifecycle service, and the embedded devnet when the session owns one. Everything here runs
 * off the FX thread; {@link #close()} stops it in reverse order.
 */
public final class Session implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final NetworkProfile profile;
  private final String label;
  private final Database db;
  private final Database localDb;
  private final StoreWriter writer;
  private final Optional<Indexer> indexer;
  private final Optional<TeamIndex> team;
  private final Optional<Verifier> verifier;
  private final LifecycleService lifecycle;
  private final Optional<Devnet> devnet;
  private final ScheduledExecutorService verifyLoop;
  private final AtomicBoolean indexMoved = new AtomicBoolean(true);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AutoCloseable indexSubscription;
  private final AutoCloseable verdictSubscription;

  private Session(
      NetworkProfile profile,
      String label,
      Database db,
      Optional<Devnet> devnet,
      boolean verify,
      Optional<String> explorerKey) {
    this.profile = profile;
    this.label = label;
    this.db = db;
    this.localDb = db;
    this.devnet = devnet;
    this.writer = new StoreWriter(db, Clock.systemUTC());
    Indexer idx = new Indexer(profile, db, writer, Duration.ofMillis(500), explorerKey);
    this.indexer = Optional.of(idx);
    this.team = Optional.empty();
    this.lifecycle = new LifecycleService(db, profile.epochSize(), Clock.systemUTC());
    this.verifier = verify ? createVerifier(profile, db, writer) : Optional.empty();
    this.indexSubscription =
        idx.subscribe(
            s -> {
              indexMoved.set(true);
              fire();
            });
    this.verdictSubscription =
        verifier.<AutoCloseable>map(v -> v.subscribe(row -> fire())).orElse(() -> {});
    this.verifyLoop = Threads.scheduled("bs-verify-" + profile.name());
  }

  /** A team session: reads {@code teamDb}, writes only the local file (watches, wallet journal). */
  private Session(
      NetworkProfile profile, String label, Database teamDb, PgTarget target, Database localDb) {
    this.profile = profile;
    this.label = label;
    this.db = teamDb;
    this.localDb = localDb;
    this.devnet = Optional.empty();
    this.writer = new StoreWriter(localDb, Clock.systemUTC());
    this.indexer = Optional.empty();
    this.team = Optional.of(new TeamIndex(profile, target, teamDb, this::fire));
    this.lifecycle = new LifecycleService(teamDb, profile.epochSize(), Clock.systemUTC());
    // verdicts are written by whoever writes the index; a reader writes nothing into it
    this.verifier = Optional.empty();
    this.indexSubscription = () -> {};
    this.verdictSubscription = () -> {};
    this.verifyLoop = Threads.scheduled("bs-verify-" + profile.name());
  }

  /**
   * Reads the team index {@code teamDb} (opened read-only): no indexer and no verifier run here,
   * the team's {@code bridgescope index --follow} writes it. What the user writes (watches, the
   * wallet's journal) goes to {@code localDb}, the network's own SQLite file. The status of the
   * index (its writer, its lag, a lost connection) is polled off the FX thread ({@link #team()}).
   * An index whose pinned chains are not {@code profile}'s, or not those of {@code localDb}, is
   * refused with a {@link io.bridgescope.core.store.StoreException} ({@code OTHER_NETWORK}).
   */
  public static Session team(
      NetworkProfile profile, String label, Database teamDb, PgTarget target, Database localDb) {
    if (teamDb.writable() || !teamDb.isShared()) {
      throw new IllegalArgumentException("a team session reads a team index opened read-only");
    }
    // Another network's index (or a restarted devnet's) is refused before anything is shown.
    TeamIndexIdentity.requireSameNetwork(profile, teamDb, localDb);
    Session s = new Session(profile, label, teamDb, target, localDb);
    s.team.ifPresent(TeamIndex::start);
    return s;
  }

  /**
   * Opens the network's database and starts indexing (and verifying) it. Throws a {@link
   * WrongChainException} (nothing indexed, the devnet left to the caller) when a node is on another
   * chain than the profile or the database; unreachable nodes are checked when they answer.
   */
  public static Session open(
      NetworkProfile profile, String label, Database db, Optional<Devnet> devnet) {
    return open(profile, label, db, devnet, Optional.empty());
  }

  /**
   * As {@link #open(NetworkProfile, String, Database, Optional)}, with the explorer API key from
   * the settings (empty: from the environment).
   */
  public static Session open(
      NetworkProfile profile,
      String label,
      Database db,
      Optional<Devnet> devnet,
      Optional<String> explorerKey) {
    Session s = new Session(profile, label, db, devnet, true, explorerKey);
    Indexer idx = s.indexer();
    try {
      Map<ChainRole, Map<URI, ChainException>> unchecked = idx.connect();
      unchecked.forEach(
          (role, failed) ->
              failed.forEach(
                  (url, e) ->
                      LOG.warn("{} node {} not checked yet: {}", role.key(), url, e.getMessage())));
    } catch (WrongChainException e) {
      s.stopEngine();
      throw e;
    } catch (ChainException e) {
      LOG.warn("Could not check the chains of {} yet: {}", profile.name(), e.getMessage());
    }
    idx.start();
    s.verifyLoop.scheduleWithFixedDelay(s::verifyIfMoved, 1, 2, TimeUnit.SECONDS);
    return s;
  }

  /** A read-only session over an existing database: no indexer thread, no verifier (tests). */
  public static Session readOnly(NetworkProfile profile, String label, Database db) {
    return new Session(profile, label, db, Optional.empty(), false, Optional.empty());
  }

  private static Optional<Verifier> createVerifier(
      NetworkProfile p, Database db, StoreWriter writer) {
    try {
      return Optional.of(Verifier.forProfile(p, db, writer));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("No verifier for {} ({}): verdicts stay 'not verified yet'", p.name(), e.toString());
      return Optional.empty();
    }
  }

  private void verifyIfMoved() {
    if (verifier.isEmpty() || !indexMoved.getAndSet(false)) {
      return;
    }
    try {
      verifier.get().verifyPending();
    } catch (RuntimeException e) {
      LOG.warn("Verifying {} failed: {}", profile.name(), e.toString());
    }
  }

  private void fire() {
    for (Runnable l : listeners) {
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.warn("A session listener failed", e);
      }
    }
  }

  /** Called (any thread, often) when indexed data or verdicts may have changed. */
  public AutoCloseable onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public NetworkProfile profile() {
    return profile;
  }

  /** What the network switcher shows, e.g. "devnet (embedded)". */
  public String label() {
    return label;
  }

  /** The index the screens read: the local SQLite file, or the team index of a team session. */
  public Database db() {
    return db;
  }

  /**
   * The user's own SQLite file of this network: watches and the wallet's journal. The same as
   * {@link #db()} unless this session reads a team index.
   */
  public Database localDb() {
    return localDb;
  }

  /**
   * The one writer of {@link #localDb()} (the watch list and the journal are written through it).
   */
  public StoreWriter writer() {
    return writer;
  }

  /**
   * The indexer of this session's own file.
   *
   * @throws IllegalStateException in a team session, which runs none ({@link #team()})
   */
  public Indexer indexer() {
    return indexer.orElseThrow(
        () -> new IllegalStateException("a team session runs no indexer: " + label));
  }

  /** The status of the team index this session reads, if it reads one. */
  public Optional<TeamIndexState> team() {
    return team.map(TeamIndex::state);
  }

  /** The team index's URL (no password), if this session reads one. */
  public Optional<PgTarget> teamTarget() {
    return team.map(TeamIndex::target);
  }

  public LifecycleService lifecycle() {
    return lifecycle;
  }

  public boolean hasVerifier() {
    return verifier.isPresent();
  }

  public Optional<Devnet> devnet() {
    return devnet;
  }

  @Override
  public void close() {
    stopEngine();
    devnet.ifPresent(Devnet::close);
  }

  private void stopEngine() {
    verifyLoop.shutdownNow();
    closeQuietly(indexSubscription);
    closeQuietly(verdictSubscription);
    team.ifPresent(TeamIndex::close);
    indexer.ifPresent(Indexer::close);
    writer.close();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Closing a subscription failed", e);
    }
  }
}
