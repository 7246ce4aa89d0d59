package io.bridgescope.bench;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.ProviderProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Long, sparse history behind a provider (issue 14, item 4): a devnet whose root starts with {@code
 * --blocks} empty blocks ({@code --root-history}), then the bridge and its demo traffic; the
 * indexer catches both chains up from block 0 through a {@link ProviderProxy} with a block-range
 * cap and latency per request. Prints the requests made against the minimum the cap allows and the
 * wall time.
 *
 * <p>{@code HistoryBench [--blocks N] [--cap C] [--latency-ms L]}; see bench/README.md.
 */
public final class HistoryBench {

  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    long blocks = 1_000_000;
    long cap = 10_000;
    long latencyMs = 25;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--blocks" -> blocks = Long.parseLong(args[++i]);
        case "--cap" -> cap = Long.parseLong(args[++i]);
        case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: HistoryBench [--blocks N] [--cap C] [--latency-ms L]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("bridgescope-history-bench-");
    long t0 = System.nanoTime();
    DevnetConfig cfg = DevnetConfig.defaults().toBuilder().rootHistory(blocks).build();
    try (Devnet d = Devnet.start(cfg, DevnetHome.locate(), work, m -> System.out.println(m))) {
      System.out.printf(
          "devnet with %,d empty root blocks up in %.1f s (mining is setup, not measured)%n",
          blocks, seconds(t0));
      run(d, work, cap, latencyMs);
    } finally {
      deleteTree(work);
    }
  }

  private static void run(Devnet d, Path work, long cap, long latencyMs) throws Exception {
    try (ProviderProxy rp = new ProviderProxy(d.rootNode().rpcUrl());
        ProviderProxy cp = new ProviderProxy(d.childNode().rpcUrl())) {
      for (ProviderProxy p : List.of(rp, cp)) {
        p.blockCap(cap, ProviderProxy.CapWording.NAMED)
            .resultCap(10_000)
            .latency(Duration.ofMillis(latencyMs));
      }
      NetworkProfile profile =
          d.profile().toBuilder()
              .rootRpcUrls(List.of(rp.url()))
              .childRpcUrls(List.of(cp.url()))
              .build();
      Database db = Database.open(work.resolve("history.db"));
      long t0 = System.nanoTime();
      long rootTo;
      long childTo;
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(profile, db, w, Duration.ofSeconds(1))) {
        ix.catchUp();
        rootTo = ix.status(ChainRole.ROOT).indexedTo();
        childTo = ix.status(ChainRole.CHILD).indexedTo();
      }
      double wall = seconds(t0);
      // one eth_getLogs query kind per chain (all its contracts and topics in one filter)
      long rootMin = ceil(rootTo + 1, cap);
      long childMin = ceil(childTo + 1, cap);
      long min = rootMin + childMin;
      long logs = rp.calls("eth_getLogs") + cp.calls("eth_getLogs");
      long http = rp.requests() + cp.requests();
      System.out.printf(
          "provider: %,d-block cap (\"eth_getLogs is limited to a %,d range\"), %d ms per request%n",
          cap, cap, latencyMs);
      System.out.printf(
          "caught up root 0..%,d and child 0..%,d in %.2f s wall%n", rootTo, childTo, wall);
      System.out.printf(
          "eth_getLogs: root %d + child %d = %d; minimum ceil(blocks/cap) = %d + %d = %d;"
              + " ratio %.2f (aim <= 1.5)%n",
          rp.calls("eth_getLogs"),
          cp.calls("eth_getLogs"),
          logs,
          rootMin,
          childMin,
          min,
          logs / (double) min);
      System.out.printf(
          "range refusals: root %d, child %d; all HTTP requests (headers, eth_call, identity"
              + " checks too): root %d + child %d = %d, ratio to the minimum %.2f%n",
          rp.refusedRanges() + rp.refusedResults(),
          cp.refusedRanges() + cp.refusedResults(),
          rp.requests(),
          cp.requests(),
          http,
          http / (double) min);
      System.out.printf(
          "root calls by method: eth_getLogs %d, eth_getBlockByNumber %d, eth_call %d,"
              + " eth_getCode %d, eth_blockNumber %d%n",
          rp.calls("eth_getLogs"),
          rp.calls("eth_getBlockByNumber"),
          rp.calls("eth_call"),
          rp.calls("eth_getCode"),
          rp.calls("eth_blockNumber"));
      System.out.printf("wall time %.2f s (aim < 60 s for 1,000,000 root blocks)%n", wall);
    }
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
