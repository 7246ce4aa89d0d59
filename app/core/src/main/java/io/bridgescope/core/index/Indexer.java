package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.Cursor;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps both chains indexed: one named daemon thread per chain steps its {@link ChainIndexer},
 * sleeping when caught up and backing off (but never giving up) on errors, which {@link
 * #status(ChainRole)} reports in plain words.
 */
public final class Indexer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

  private final Map<ChainRole, ChainIndexer> indexers = new EnumMap<>(ChainRole.class);
  private final Map<ChainRole, ChainReader> readers = new EnumMap<>(ChainRole.class);
  private final Map<ChainRole, ChainGuard> guards = new EnumMap<>(ChainRole.class);
  private final StoreWriter writer;
  private final Map<ChainRole, IndexStatus> status = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Consumer<IndexStatus>> listeners = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final Duration poll;
  private volatile boolean running;

  public Indexer(NetworkProfile profile, Database db, StoreWriter writer, Duration poll) {
    this(profile, db, writer, poll, Optional.empty());
  }

  /**
   * @param explorerKey the key for the profile's explorer API (from the settings); empty takes it
   *     from the environment variable {@code BRIDGESCOPE_EXPLORER_API_KEY}, if set
   */
  public Indexer(
      NetworkProfile profile,
      Database db,
      StoreWriter writer,
      Duration poll,
      Optional<String> explorerKey) {
    this.poll = poll;
    this.writer = writer;
    for (ChainRole role : ChainRole.values()) {
      ChainGuard guard = new ChainGuard(profile, role, db);
      guards.put(role, guard);
      ChainReader reader = ChainReader.of(role.key(), profile.chain(role).rpcUrls(), guard);
      readers.put(role, reader);
      EventSource source =
          role == ChainRole.ROOT
              ? new RootSource(
                  reader,
                  profile.contracts(),
                  profile.initialValidators(),
                  SubmissionDiscovery.of(
                      profile,
                      reader,
                      explorerKey.isPresent() ? explorerKey : ExplorerFinder.keyFromEnvironment()))
              : new ChildSource(reader, profile.contracts(), profile.epochSize());
      indexers.put(
          role,
          new ChainIndexer(
              source,
              reader,
              db,
              writer,
              profile.chain(role).startBlock(),
              profile.confirmations()));
      // Until the node answers, the position is the one stored (a dead node must not make a
      // resumed index look empty); the head stays unknown (-1).
      long stored = db.read(c -> new CursorDao(c).get(role)).map(Cursor::lastBlock).orElse(-1L);
      status.put(role, new IndexStatus(role, stored, -1, null, null, reader.health()));
    }
  }

  /** Called after every step, on the indexer's thread; returns a handle that unsubscribes. */
  public AutoCloseable subscribe(Consumer<IndexStatus> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public IndexStatus status(ChainRole role) {
    return statusOf(role);
  }

  // Every role has its reader, guard, indexer and status from the constructor on.
  private ChainReader reader(ChainRole role) {
    return Objects.requireNonNull(readers.get(role));
  }

  private ChainGuard guard(ChainRole role) {
    return Objects.requireNonNull(guards.get(role));
  }

  private ChainIndexer indexer(ChainRole role) {
    return Objects.requireNonNull(indexers.get(role));
  }

  private IndexStatus statusOf(ChainRole role) {
    return Objects.requireNonNull(status.get(role));
  }

  /**
   * Checks every endpoint of both chains at once (chain id, genesis, contract code; one attempt
   * each, so a hanging node costs one call timeout) and pins each chain's genesis in the database
   * when it is seen for the first time. Throws a {@link WrongChainException} if any endpoint is on
   * another chain, before anything is indexed; returns the endpoints that could not be checked
   * (unreachable, rate-limited…), which are checked again before their first use.
   */
  public Map<ChainRole, Map<URI, ChainException>> connect() {
    Map<ChainRole, CompletableFuture<Map<URI, Optional<ChainException>>>> runs =
        new EnumMap<>(ChainRole.class);
    for (ChainRole role : ChainRole.values()) {
      ChainReader r = reader(role);
      runs.put(role, CompletableFuture.supplyAsync(r::verifyAll, daemonPool()));
    }
    Map<ChainRole, Map<URI, ChainException>> unchecked = new EnumMap<>(ChainRole.class);
    for (ChainRole role : ChainRole.values()) {
      Map<URI, ChainException> failed = new LinkedHashMap<>();
      Objects.requireNonNull(runs.get(role))
          .join()
          .forEach(
              (url, problem) -> {
                if (problem.isPresent() && problem.get() instanceof WrongChainException w) {
                  throw w;
                }
                problem.ifPresent(p -> failed.put(url, p));
              });
      unchecked.put(role, failed);
      IndexStatus prev = statusOf(role);
      publish(role, new ChainIndexer.Step(prev.indexedTo(), prev.head(), 0, -1), null);
    }
    for (ChainRole role : ChainRole.values()) {
      if (Objects.requireNonNull(unchecked.get(role)).size() < reader(role).health().size()) {
        guard(role).ensurePinned(reader(role), writer);
      }
    }
    return unchecked;
  }

  private static java.util.concurrent.Executor daemonPool() {
    return r -> Threads.start("bridgescope-connect", r);
  }

  /**
   * Steps both chains until each has reached the head it saw, then waits for the last batches. The
   * chains are read one after the other (on two cores, concurrent reads only compete with the nodes
   * and the writer), while the writer thread commits earlier batches meanwhile.
   */
  public void catchUp() {
    for (ChainRole role : ChainRole.values()) {
      guard(role).ensurePinned(reader(role), writer);
      ChainIndexer.Step s;
      do {
        s = indexer(role).step();
        publish(role, s, null);
      } while (!s.caughtUp() || s.reorgedTo() >= 0);
    }
    for (ChainRole role : ChainRole.values()) {
      indexer(role).flush();
    }
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (ChainRole role : ChainRole.values()) {
      threads.add(Threads.start("bridgescope-indexer-" + role.key(), () -> loop(role)));
    }
  }

  private void loop(ChainRole role) {
    int failures = 0;
    while (running) {
      try {
        // Nothing is written before the chain's identity is pinned (a no-op once it is).
        guard(role).ensurePinned(reader(role), writer);
        ChainIndexer.Step s = indexer(role).step();
        failures = 0;
        if (s.caughtUp()) {
          indexer(role).flush();
          publish(role, s, null);
          Thread.sleep(poll.toMillis());
        } else {
          publish(role, s, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures++;
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        IndexStatus prev = statusOf(role);
        publish(role, new ChainIndexer.Step(prev.indexedTo(), prev.head(), 0, -1), msg);
        LOG.warn("{} indexer: {} (retrying)", role.key(), msg);
        try {
          Thread.sleep(Math.min(30_000L, 500L << Math.min(failures, 6)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void publish(ChainRole role, ChainIndexer.Step s, @Nullable String error) {
    IndexStatus st =
        new IndexStatus(
            role,
            s.indexedTo(),
            s.head(),
            error,
            error == null ? null : Instant.now(),
            reader(role).health());
    status.put(role, st);
    for (Consumer<IndexStatus> l : listeners) {
      try {
        l.accept(st);
      } catch (RuntimeException e) {
        LOG.warn("index listener failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ChainIndexer ix : indexers.values()) {
      try {
        ix.flush();
      } catch (RuntimeException e) {
        LOG.warn("{} indexer: last batch not written: {}", ix.chain().key(), e.getMessage());
      }
    }
    readers.values().forEach(ChainReader::close);
  }
}
