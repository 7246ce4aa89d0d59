package io.bridgescope.core.chain;

import io.bridgescope.core.concurrent.Threads;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads one chain through several RPC endpoints: falls back to the next endpoint on failure,
 * retries with backoff within a time budget, and fetches logs in adaptive block ranges. Replies are
 * sanity-checked so a lying node (logs outside the asked range or from other contracts) fails
 * loudly.
 *
 * <p>Each endpoint passes a {@link NodeCheck} (the chain identity) before its first use and again
 * after it failed, so a node that restarts as another chain is caught; an endpoint that fails the
 * check is never read from. Errors are handled by kind: a revert is the answer, missing state tries
 * the other endpoints and then stops loudly, everything else is retried.
 */
public final class ChainReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainReader.class);

  /** Checks that a node is the chain we mean before anything is read from it. */
  @FunctionalInterface
  public interface NodeCheck {
    NodeCheck NONE = c -> {};

    /** Throws a {@link ChainException} ({@link WrongChainException} when it is another chain). */
    void verify(ChainClient node);
  }

  private final String label;
  private final List<ChainClient> clients;
  private final BlockRange range;
  private final int attempts;
  private final Duration baseBackoff;
  private final Duration budget;
  private final NodeCheck check;
  private final ConcurrentHashMap<URI, RpcHealth> health = new ConcurrentHashMap<>();
  private final Set<URI> verified = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<URI, ChainException> refused = new ConcurrentHashMap<>();
  private final HashWitness witness;
  private volatile int current;

  public ChainReader(
      String label, List<URI> urls, BlockRange range, int attempts, Duration backoff) {
    this(label, urls, range, attempts, backoff, RpcTimeouts.standard(), NodeCheck.NONE);
  }

  /**
   * @param timeouts per call; a read gives up retrying after three call timeouts
   * @param check run on each endpoint before it is first used
   */
  public ChainReader(
      String label,
      List<URI> urls,
      BlockRange range,
      int attempts,
      Duration backoff,
      RpcTimeouts timeouts,
      NodeCheck check) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(label + ": no RPC URL configured");
    }
    this.label = label;
    this.clients = urls.stream().map(u -> new ChainClient(label, u, timeouts)).toList();
    this.range = range;
    this.attempts = attempts;
    this.baseBackoff = backoff;
    this.budget = timeouts.call().multipliedBy(3);
    this.check = check;
    this.witness = new HashWitness(label, DEFAULT_TRUST_DEPTH);
  }

  /** Blocks below a node's head whose hash may still change (a reorg); deeper changes are lies. */
  public static final int DEFAULT_TRUST_DEPTH = 256;

  /** The longest a 429's Retry-After is obeyed in one read; longer asks count as a failure. */
  static final Duration MAX_RATE_WAIT = Duration.ofSeconds(60);

  /** Sets how deep below its head a node may change a block's hash before it is not trusted. */
  public ChainReader trustDepth(int blocks) {
    witness.depth(blocks);
    return this;
  }

  /** The rule that sizes this chain's eth_getLogs requests and the indexer's steps. */
  public BlockRange range() {
    return range;
  }

  public static ChainReader of(String label, List<URI> urls) {
    return of(label, urls, NodeCheck.NONE);
  }

  public static ChainReader of(String label, List<URI> urls, NodeCheck check) {
    return new ChainReader(
        label,
        urls,
        // start small (a dense history must not come in one huge reply), double while sparse
        new BlockRange(16, 1, 1_000_000),
        6,
        Duration.ofMillis(250),
        RpcTimeouts.standard(),
        check);
  }

  public String label() {
    return label;
  }

  public List<RpcHealth> health() {
    List<RpcHealth> out = new ArrayList<>();
    for (ChainClient c : clients) {
      out.add(health.getOrDefault(c.url(), new RpcHealth(c.url(), true, null, null, null)));
    }
    return out;
  }

  /**
   * Runs the node check on every endpoint not yet verified, all at once and one attempt each, so a
   * hanging node costs one call timeout. Returns each endpoint's failure (empty when it passed).
   */
  public Map<URI, Optional<ChainException>> verifyAll() {
    ExecutorService pool = Threads.pool("bridgescope-verify-" + label, clients.size());
    try {
      Map<URI, CompletableFuture<Optional<ChainException>>> runs = new LinkedHashMap<>();
      for (ChainClient c : clients) {
        runs.put(c.url(), CompletableFuture.supplyAsync(() -> verifyOnce(c), pool));
      }
      Map<URI, Optional<ChainException>> out = new LinkedHashMap<>();
      runs.forEach((u, f) -> out.put(u, f.join()));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Optional<ChainException> verifyOnce(ChainClient c) {
    try {
      ensureVerified(c);
      markOk(c);
      return Optional.empty();
    } catch (WrongChainException e) {
      refuse(c, e);
      return Optional.of(e);
    } catch (ChainException e) {
      markFailed(c, e);
      return Optional.of(e);
    }
  }

  /** Runs {@code op} against the current endpoint, failing over and backing off on errors. */
  public <T> T read(String what, Function<ChainClient, T> op) {
    ChainException last = null;
    MissingStateException missing = null;
    Set<URI> withoutState = new HashSet<>();
    long start = System.nanoTime();
    Duration waited = Duration.ZERO;
    for (int i = 0; i < attempts; i++) {
      ChainClient c = usableClient();
      try {
        ensureVerified(c);
        T r = op.apply(c);
        markOk(c);
        return r;
      } catch (WrongChainException | UntrustedNodeException e) {
        refuse(c, e);
        current++;
        i--; // a refused endpoint costs no attempt; usableClient() throws once all are refused
        continue;
      } catch (RateLimitedException e) {
        // The node is up and said how long to wait: wait exactly that, then ask it again.
        if (waited.plus(e.retryAfter()).compareTo(MAX_RATE_WAIT) <= 0) {
          LOG.info(
              "{}: {} rate-limited by {}, waiting {} ms",
              label,
              what,
              c.url(),
              e.retryAfter().toMillis());
          waited = waited.plus(e.retryAfter());
          last = e;
          sleep(e.retryAfter());
          i--;
          continue;
        }
        last = e;
        markFailed(c, e);
        current++;
        continue;
      } catch (MissingStateException e) {
        // Another endpoint may be an archive node; without one, retrying cannot help.
        markFailed(c, e);
        missing = e;
        withoutState.add(c.url());
        if (withoutState.size() >= clients.size() - refused.size()) {
          if (last != null) {
            e.addSuppressed(last);
          }
          throw e;
        }
        current++;
        continue;
      } catch (ChainException e) {
        if (e.kind() == RpcErrorKind.REVERT
            || e.kind() == RpcErrorKind.REJECTED
            || e.kind() == RpcErrorKind.LOG_RANGE) {
          markOk(c);
          throw e; // the node answered: the call reverted, or the range is too wide for it
        }
        last = e;
        markFailed(c, e);
        verified.remove(c.url()); // after an outage, check the node is still the same chain
        LOG.warn("{}: {} failed on {}: {}", label, what, c.url(), e.getMessage());
        current++;
        Duration pause =
            (e.kind() == RpcErrorKind.RATE_LIMITED ? baseBackoff.multipliedBy(4) : baseBackoff)
                .multipliedBy(1L << Math.min(i, 5));
        if (Duration.ofNanos(System.nanoTime() - start).plus(pause).compareTo(budget) > 0) {
          break;
        }
        sleep(pause);
      }
    }
    if (missing != null) {
      if (last != null) {
        missing.addSuppressed(last);
      }
      throw missing;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    throw new ChainException(
        last == null ? RpcErrorKind.TRANSPORT : last.kind(),
        label
            + ": "
            + what
            + " failed on every RPC endpoint (gave up after "
            + ms / 1000
            + " s); last: "
            + (last == null ? "?" : last.getMessage()),
        last);
  }

  /** The current endpoint, skipping refused ones; throws the refusal when every one is refused. */
  private ChainClient usableClient() {
    for (int k = 0; k < clients.size(); k++) {
      ChainClient c = clients.get(Math.floorMod(current, clients.size()));
      if (!refused.containsKey(c.url())) {
        return c;
      }
      current++;
    }
    throw refused.get(clients.get(0).url()) != null
        ? refused.get(clients.get(0).url())
        : refused.values().iterator().next();
  }

  private void ensureVerified(ChainClient c) {
    if (!verified.contains(c.url())) {
      check.verify(c);
      verified.add(c.url());
    }
  }

  private void refuse(ChainClient c, ChainException e) {
    refused.put(c.url(), e);
    markFailed(c, e);
    LOG.error("{}: not using {}: {}", label, c.url(), e.getMessage());
  }

  private void markOk(ChainClient c) {
    health.put(c.url(), new RpcHealth(c.url(), true, null, Instant.now(), lastFailure(c)));
  }

  private void markFailed(ChainClient c, ChainException e) {
    health.put(c.url(), new RpcHealth(c.url(), false, e.getMessage(), lastOk(c), Instant.now()));
  }

  public long head() {
    return read(
        "eth_blockNumber",
        c -> {
          long h = c.blockNumber();
          witness.head(c.url(), h);
          return h;
        });
  }

  /**
   * Block headers by number in one batch per 200, each node held to the hashes it gave before (a
   * node that changes a deep block's hash is not trusted again).
   */
  public Map<Long, org.web3j.protocol.core.methods.response.EthBlock.Block> blocks(
      java.util.Collection<Long> numbers) {
    java.util.TreeSet<Long> wanted = new java.util.TreeSet<>(numbers);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    return read(
        "headers " + wanted.first() + ".." + wanted.last(),
        c -> {
          var blocks = c.blocks(wanted);
          blocks.forEach((n, b) -> witness.saw(c.url(), n, b.getHash()));
          return blocks;
        });
  }

  /**
   * Logs of {@code contracts} with any of {@code topics} in [from, to], in requests sized by {@link
   * #range()}: a range error halves the span and asks the same node again at once.
   */
  public List<Log> logs(List<Address> contracts, List<Hash32> topics, long from, long to) {
    // Checked inside the read: a node that answers for the wrong range or contracts is not
    // trusted again, and the reader goes on with the other endpoints.
    return range.fetch(
        from,
        to,
        (s, e) ->
            read(
                "eth_getLogs " + s + ".." + e,
                c -> check(c, c.logs(contracts, topics, s, e), contracts, s, e)));
  }

  private List<Log> check(
      ChainClient node, List<Log> logs, List<Address> contracts, long from, long to) {
    for (Log l : logs) {
      long b = Quantity.parse("log blockNumber", l.getBlockNumberRaw());
      if (b < from || b > to) {
        throw new UntrustedNodeException(
            label,
            node.url(),
            "asked for the logs of blocks " + from + ".." + to + ", it returned one of block " + b);
      }
      if (contracts.stream().noneMatch(a -> a.toString().equalsIgnoreCase(l.getAddress()))) {
        throw new UntrustedNodeException(
            label, node.url(), "it returned a log of " + l.getAddress() + ", which was not asked");
      }
      witness.saw(node.url(), b, l.getBlockHash());
    }
    return logs;
  }

  private java.time.@Nullable Instant lastOk(ChainClient c) {
    RpcHealth h = health.get(c.url());
    return h == null ? null : h.lastOk();
  }

  private java.time.@Nullable Instant lastFailure(ChainClient c) {
    RpcHealth h = health.get(c.url());
    return h == null ? null : h.lastFailure();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException(RpcErrorKind.TRANSPORT, "interrupted", e);
    }
  }

  @Override
  public void close() {
    clients.forEach(ChainClient::close);
  }
}
