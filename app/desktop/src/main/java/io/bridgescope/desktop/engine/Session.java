package io.bridgescope.desktop.engine;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.verify.Verifier;
import io.bridgescope.devnet.Devnet;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
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
  private final StoreWriter writer;
  private final Indexer indexer;
  private final Optional<Verifier> verifier;
  private final LifecycleService lifecycle;
  private final Optional<Devnet> devnet;
  private final ScheduledExecutorService verifyLoop;
  private final AtomicBoolean indexMoved = new AtomicBoolean(true);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AutoCloseable indexSubscription;
  private final AutoCloseable verdictSubscription;

  private Session(
      NetworkProfile profile, String label, Database db, Optional<Devnet> devnet, boolean verify) {
    this.profile = profile;
    this.label = label;
    this.db = db;
    this.devnet = devnet;
    this.writer = new StoreWriter(db, Clock.systemUTC());
    this.indexer = new Indexer(profile, db, writer, Duration.ofMillis(500));
    this.lifecycle = new LifecycleService(db, profile.epochSize(), Clock.systemUTC());
    this.verifier = verify ? createVerifier(profile, db, writer) : Optional.empty();
    this.indexSubscription =
        indexer.subscribe(
            s -> {
              indexMoved.set(true);
              fire();
            });
    this.verdictSubscription =
        verifier.<AutoCloseable>map(v -> v.subscribe(row -> fire())).orElse(() -> {});
    this.verifyLoop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bs-verify-" + profile.name());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Opens the network's database and starts indexing (and verifying) it. Throws a {@link
   * WrongChainException} (nothing indexed, the devnet left to the caller) when a node is on another
   * chain than the profile or the database; unreachable nodes are checked when they answer.
   */
  public static Session open(
      NetworkProfile profile, String label, Database db, Optional<Devnet> devnet) {
    Session s = new Session(profile, label, db, devnet, true);
    try {
      Map<ChainRole, Map<URI, ChainException>> unchecked = s.indexer.connect();
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
    s.indexer.start();
    s.verifyLoop.scheduleWithFixedDelay(s::verifyIfMoved, 1, 2, TimeUnit.SECONDS);
    return s;
  }

  /** A read-only session over an existing database: no indexer thread, no verifier (tests). */
  public static Session readOnly(NetworkProfile profile, String label, Database db) {
    return new Session(profile, label, db, Optional.empty(), false);
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

  public Database db() {
    return db;
  }

  /** The one writer of this database (the watch list is written through it). */
  public StoreWriter writer() {
    return writer;
  }

  public Indexer indexer() {
    return indexer;
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
    indexer.close();
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
