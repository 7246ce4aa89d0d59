package io.bridgescope.core.chain;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Reads one chain through several RPC endpoints: falls back to the next endpoint on failure,
 * retries with backoff, and fetches logs in adaptive block ranges. Replies are sanity-checked so a
 * lying node (logs outside the asked range or from other contracts) fails loudly.
 */
public final class ChainReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainReader.class);

  private final String label;
  private final List<ChainClient> clients;
  private final BlockRange range;
  private final int attempts;
  private final Duration baseBackoff;
  private final ConcurrentHashMap<URI, RpcHealth> health = new ConcurrentHashMap<>();
  private volatile int current;

  public ChainReader(
      String label, List<URI> urls, BlockRange range, int attempts, Duration backoff) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(label + ": no RPC URL configured");
    }
    this.label = label;
    this.clients = urls.stream().map(u -> new ChainClient(label, u)).toList();
    this.range = range;
    this.attempts = attempts;
    this.baseBackoff = backoff;
  }

  public static ChainReader of(String label, List<URI> urls) {
    return new ChainReader(label, urls, new BlockRange(500, 1, 5000), 6, Duration.ofMillis(250));
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

  /** Runs {@code op} against the current endpoint, failing over and backing off on errors. */
  public <T> T read(String what, Function<ChainClient, T> op) {
    ChainException last = null;
    for (int i = 0; i < attempts; i++) {
      ChainClient c = clients.get(Math.floorMod(current, clients.size()));
      try {
        T r = op.apply(c);
        health.put(c.url(), new RpcHealth(c.url(), true, null, Instant.now(), lastFailure(c)));
        return r;
      } catch (ChainException e) {
        if (e.revertReason() != null) {
          throw e; // the node answered; the call itself reverted
        }
        last = e;
        health.put(
            c.url(), new RpcHealth(c.url(), false, e.getMessage(), lastOk(c), Instant.now()));
        LOG.warn("{}: {} failed on {}: {}", label, what, c.url(), e.getMessage());
        current++;
        sleep(baseBackoff.multipliedBy(1L << Math.min(i, 5)));
      }
    }
    throw new ChainException(
        label
            + ": "
            + what
            + " failed on every RPC endpoint ("
            + attempts
            + " attempts); last: "
            + (last == null ? "?" : last.getMessage()),
        last);
  }

  public long head() {
    return read("eth_blockNumber", ChainClient::blockNumber);
  }

  /** Logs of {@code contracts} with any of {@code topics} in [from, to], range-adapted. */
  public List<Log> logs(List<Address> contracts, List<Hash32> topics, long from, long to) {
    List<Log> out = new ArrayList<>();
    long start = from;
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
        if (BlockRange.isRangeError(e) && range.shrink()) {
          continue;
        }
        throw e;
      }
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
        throw new ChainException(
            label
                + " node "
                + node.url()
                + " returned a log of block "
                + b
                + " for the range "
                + from
                + ".."
                + to
                + "; the node is inconsistent, try another RPC endpoint");
      }
      if (contracts.stream().noneMatch(a -> a.toString().equalsIgnoreCase(l.getAddress()))) {
        throw new ChainException(
            label
                + " node "
                + node.url()
                + " returned a log of "
                + l.getAddress()
                + " that was not asked for");
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
      throw new ChainException("interrupted", e);
    }
  }

  @Override
  public void close() {
    clients.forEach(ChainClient::close);
  }
}
