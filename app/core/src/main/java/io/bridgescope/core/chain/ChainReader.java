package io.bridgescope.core.chain;

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
import java.util.concurrent.Executors;
import java.util.function.Function;
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
  private final ConcurrentHashMap<URI, WrongChainException> refused = new ConcurrentHashMap<>();
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
  }

  public static ChainReader of(String label, List<URI> urls) {
    return of(label, urls, NodeCheck.NONE);
  }

  public static ChainReader of(String label, List<URI> urls, NodeCheck check) {
    return new ChainReader(
        label,
        urls,
        new BlockRange(500, 1, 5000),
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
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients.size(),
            r -> {
              Thread t = new Thread(r, "bridgescope-verify-" + label);
              t.setDaemon(true);
              return t;
            });
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
    for (int i = 0; i < attempts; i++) {
      ChainClient c = usableClient();
      try {
        ensureVerified(c);
        T r = op.apply(c);
        markOk(c);
        return r;
      } catch (WrongChainException e) {
        refuse(c, e);
        current++;
        i--; // a refused endpoint costs no attempt; usableClient() throws once all are refused
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
        if (e.kind() == RpcErrorKind.REVERT || e.kind() == RpcErrorKind.REJECTED) {
          markOk(c);
          throw e; // the node answered; the call itself reverted
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

  private void refuse(ChainClient c, WrongChainException e) {
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
    return read("eth_blockNumber", ChainClient::blockNumber);
  }

  /** Logs of {@code contracts} with any of {@code topics} in [from, to], range-adapted. */
  public List<Log> logs(List<Address> contracts, List<Hash32> topics, long from, long to) {
    List<Log> out = new ArrayList<>();
    long start = from;
    int timeoutShrinks = 0;
    while (start <= to) {
      long end = Math.min(to, start + range.size() - 1);
      List<Log> chunk;
      try {
        long s = start;
        // Checked inside the read: a node that answers for the wrong range or contracts counts as
        // failing, so the reader marks it and fails over like for any other fault.
        chunk =
            read(
                "eth_getLogs " + s + ".." + end,
                c -> check(c, c.logs(contracts, topics, s, end), contracts, s, end));
      } catch (ChainException e) {
        // A hanging node times out at any range: shrinking for timeouts is tried twice only.
        boolean timeout = e.kind() == RpcErrorKind.TRANSPORT;
        if (BlockRange.isRangeError(e) && (!timeout || timeoutShrinks++ < 2) && range.shrink()) {
          continue;
        }
        throw e;
      }
      timeoutShrinks = 0;
      out.addAll(chunk);
      range.grow();
      start = end + 1;
    }
    return out;
  }

  private List<Log> check(
      ChainClient node, List<Log> logs, List<Address> contracts, long from, long to) {
    for (Log l : logs) {
      long b = Quantity.parse("log blockNumber", l.getBlockNumberRaw());
      if (b < from || b > to) {
        throw ChainException.badReply(
            label
                + " node "
                + node.url()
                + " returned a log of block "
                + b
                + " for the range "
                + from
                + ".."
                + to
                + "; the node is inconsistent, try another RPC endpoint",
            null);
      }
      if (contracts.stream().noneMatch(a -> a.toString().equalsIgnoreCase(l.getAddress()))) {
        throw ChainException.badReply(
            label
                + " node "
                + node.url()
                + " returned a log of "
                + l.getAddress()
                + " that was not asked for",
            null);
      }
    }
    return logs;
  }

  private java.time.Instant lastOk(ChainClient c) {
    RpcHealth h = health.get(c.url());
    return h == null ? null : h.lastOk();
  }

  private java.time.Instant lastFailure(ChainClient c) {
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
