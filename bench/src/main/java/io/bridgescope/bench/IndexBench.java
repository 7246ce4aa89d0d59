package io.bridgescope.bench;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.ProviderProxy;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Indexing throughput on a devnet history of many state syncs (root) and exits (child): bare
 * eth_getLogs over the range vs the full indexer (fetch, decode, write) over the same range, in one
 * run. The history is real {@code syncState} calls to the devnet's StateSender and L2StateSender,
 * sent in JSON-RPC batches and mined ~1,000 per block.
 *
 * <p>{@code IndexBench [--syncs N] [--exits M] [--small] [--keep]}; see bench/README.md.
 */
public final class IndexBench {

  private static final long GAS = 60_000;
  private static final int SEND_BATCH = 1000;
  private static final int GETLOGS_RANGE = 2000;
  private static final boolean PHASES = Boolean.getBoolean("bench.phases");

  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    int syncs = 100_000;
    int exits = 20_000;
    boolean keep = false;
    long rootHistory = 0;
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--syncs" -> syncs = Integer.parseInt(args[++i]);
        case "--exits" -> exits = Integer.parseInt(args[++i]);
        case "--small" -> {
          syncs = 5_000;
          exits = 1_000;
        }
        case "--keep" -> keep = true;
        case "--root-history" -> rootHistory = Long.parseLong(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: IndexBench [--syncs N] [--exits M] [--small] [--root-history BLOCKS]"
                  + " [--rounds R] [--keep]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("bridgescope-index-bench-");
    try (Devnet d = Devnet.start(quietDevnet(rootHistory), DevnetHome.locate(), work, m -> {})) {
      run(d, work, syncs, exits, rounds);
    } finally {
      if (!keep) {
        deleteTree(work);
      } else {
        System.out.println("kept " + work);
      }
    }
  }

  /** No demo traffic, commitments or checkpoints: the chains hold only the generated history. */
  static DevnetConfig quietDevnet() {
    return quietDevnet(0);
  }

  /** The same, with {@code rootHistory} empty root blocks mined first. */
  static DevnetConfig quietDevnet(long rootHistory) {
    return DevnetConfig.defaults().toBuilder()
        .rootHistory(rootHistory)
        .commitEvery(Integer.MAX_VALUE)
        .commitInterval(Duration.ofDays(365))
        .epochSize(Integer.MAX_VALUE / 2)
        .trafficInterval(Duration.ZERO)
        .relayerPaused(true)
        .autoExit(false)
        .build();
  }

  private static void run(Devnet d, Path work, int syncs, int exits, int rounds) throws Exception {
    Address spammer =
        Address.of(((List<?>) d.root().rpc("eth_accounts", List.of())).get(6).toString());
    long t0 = System.nanoTime();
    generate(d.root(), d.contracts().stateSender(), spammer, syncs);
    generate(d.child(), d.contracts().l2StateSender(), spammer, exits);
    double genSeconds = seconds(t0);
    long rootHead = d.root().blockNumber();
    long childHead = d.child().blockNumber();
    System.out.printf(
        "history: %,d state syncs (root blocks 0..%d), %,d exits (child blocks 0..%d), generated in"
            + " %.1f s%n",
        syncs, rootHead, exits, childHead, genSeconds);
    NetworkProfile profile = d.profile();
    Thread.sleep(2000); // the devnet's own loops scan the new logs once; let them finish

    // Untimed: one indexer run through recording proxies gives the exact requests it makes.
    List<RawReplay.Call> wire = new ArrayList<>();
    try (ProviderProxy rp = new ProviderProxy(d.rootNode().rpcUrl());
        ProviderProxy cp = new ProviderProxy(d.childNode().rpcUrl())) {
      rp.record(true);
      cp.record(true);
      NetworkProfile proxied =
          profile.toBuilder()
              .rootRpcUrls(List.of(rp.url()))
              .childRpcUrls(List.of(cp.url()))
              .build();
      indexOnce(proxied, work.resolve("recording.db"));
      wire.addAll(RawReplay.calls(d.rootNode().rpcUrl(), rp.recorded()));
      wire.addAll(RawReplay.calls(d.childNode().rpcUrl(), cp.recorded()));
    }
    List<RawReplay.Call> fetch =
        wire.stream().filter(c -> c.onlyOf(Set.of("eth_getLogs", "eth_getBlockByNumber"))).toList();
    List<RawReplay.Call> logsOnly =
        wire.stream().filter(c -> c.onlyOf(Set.of("eth_getLogs"))).toList();
    RawReplay raw = new RawReplay();
    raw.check(wire); // every answer is a result, not an error; also warms the client
    System.out.printf(
        "indexer's requests: %d in all, %d eth_getLogs/eth_getBlockByNumber, %d eth_getLogs%n",
        wire.size(), fetch.size(), logsOnly.size());

    // Warm-up of the other paths (JIT, connections), then the measured rounds, interleaved so that
    // both sides meet the same load.
    bareGetLogs(profile, rootHead, childHead);
    indexOnce(profile, work.resolve("warmup.db"));
    List<Double> ratios = new ArrayList<>();
    List<Double> logRatios = new ArrayList<>();
    Path dbFile = work.resolve("index.db");
    long rows = 0;
    System.out.println(
        "round | raw fetch (logs+headers) | raw eth_getLogs | raw all requests | web3j eth_getLogs"
            + " | indexer end to end | index / raw fetch | index / raw logs");
    for (int r = 1; r <= rounds; r++) {
      RawReplay.Result rf = raw.replay(fetch);
      RawReplay.Result rl = raw.replay(logsOnly);
      RawReplay.Result rw = raw.replay(wire);
      long tb = System.nanoTime();
      long bareEvents = bareGetLogs(profile, rootHead, childHead);
      double bareSeconds = seconds(tb);
      Files.deleteIfExists(dbFile);
      Files.deleteIfExists(Path.of(dbFile + "-wal"));
      Files.deleteIfExists(Path.of(dbFile + "-shm"));
      long ti = System.nanoTime();
      Database db = indexOnce(profile, dbFile);
      double indexSeconds = seconds(ti);
      rows = rows(db);
      if (rows != bareEvents) {
        throw new IllegalStateException(
            "event counts disagree: eth_getLogs " + bareEvents + ", indexed rows " + rows);
      }
      // The deployment adds a few events of its own (the demo token's MAP_TOKEN state sync); a
      // busy node may also have dropped some of the generated transactions.
      if (r == 1 && bareEvents < (long) syncs + exits) {
        System.out.printf(
            "note: %,d events on chain, fewer than the %,d generated%n", bareEvents, syncs + exits);
      }
      double ratio = rf.seconds() / indexSeconds;
      double logRatio = rl.seconds() / indexSeconds;
      ratios.add(ratio);
      logRatios.add(logRatio);
      System.out.printf(
          "%5d | %s | %s | %s | %s | %s | %17.2f | %16.2f%n",
          r,
          rate(rows, rf.seconds()),
          rate(rows, rl.seconds()),
          rate(rows, rw.seconds()),
          rate(rows, bareSeconds),
          rate(rows, indexSeconds),
          ratio,
          logRatio);
    }
    System.out.printf(
        "events per round: %,d; raw fetch reads %,d bytes in %d requests%n",
        rows, raw.replay(fetch).bytes(), fetch.size());
    System.out.printf(
        "median ratio indexer / raw fetch (eth_getLogs + eth_getBlockByNumber): %.2f (aim >= 0.70)%n",
        median(ratios));
    System.out.printf("median ratio indexer / raw eth_getLogs alone: %.2f%n", median(logRatios));
    long dbBytes = size(dbFile) + size(Path.of(dbFile + "-wal"));
    System.out.printf(
        "database: %,d bytes (%.1f MB, %.0f bytes/event) at %s%n",
        dbBytes, dbBytes / 1e6, (double) dbBytes / rows, dbFile);
  }

  /** Events/s over the round's events, as a fixed-width column. */
  private static String rate(long events, double seconds) {
    return String.format("%,8.0f ev/s %6.2f s", events / seconds, seconds);
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Sends {@code n} syncState calls from {@code from} in batches and mines them. */
  static void generate(ChainClient c, Address sender, Address from, int n) throws IOException {
    boolean automine = Boolean.TRUE.equals(c.rpc("anvil_getAutomine", List.of()));
    if (automine) {
      c.rpc("evm_setAutomine", List.of(false));
    }
    try {
      BigInteger nonce =
          c.web3()
              .ethGetTransactionCount(from.toString(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
      for (int done = 0; done < n; ) {
        int k = Math.min(SEND_BATCH, n - done);
        BatchRequest batch = c.web3().newBatch();
        for (int i = 0; i < k; i++) {
          byte[] payload = BigInteger.valueOf(done + i + 1).toByteArray();
          batch.add(
              c.web3()
                  .ethSendTransaction(
                      new Transaction(
                          from.toString(),
                          nonce.add(BigInteger.valueOf(done + i)),
                          null,
                          BigInteger.valueOf(GAS),
                          sender.toString(),
                          null,
                          Hex.encode(BridgeAbi.syncState(from, payload)))));
        }
        for (Response<?> r : batch.send().getResponses()) {
          if (r.hasError()) {
            throw new IllegalStateException(c.label() + ": " + r.getError().getMessage());
          }
        }
        done += k;
        mineAll(c);
      }
    } finally {
      if (automine) {
        c.rpc("evm_setAutomine", List.of(true));
      }
    }
  }

  private static void mineAll(ChainClient c) {
    while (true) {
      Object r = c.rpc("txpool_status", List.of());
      Object p = r instanceof Map<?, ?> m ? m.get("pending") : null;
      if (p == null || Long.decode(p.toString()) == 0) {
        return;
      }
      c.rpc("evm_mine", List.of());
    }
  }

  /** The indexer's logs (same contracts and topics), fetched in fixed ranges; returns the count. */
  private static long bareGetLogs(NetworkProfile p, long rootHead, long childHead) {
    long n = 0;
    try (ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
      n +=
          fetch(
              root,
              List.of(p.contracts().stateSender(), p.contracts().exitHelper()),
              List.of(BridgeEvents.STATE_SYNCED, BridgeEvents.EXIT_PROCESSED),
              rootHead);
      n +=
          fetch(
              child,
              List.of(p.contracts().stateReceiver(), p.contracts().l2StateSender()),
              List.of(
                  BridgeEvents.NEW_COMMITMENT,
                  BridgeEvents.STATE_SYNC_RESULT,
                  BridgeEvents.L2_STATE_SYNCED),
              childHead);
    }
    return n;
  }

  private static long fetch(
      ChainClient c, List<Address> contracts, List<Hash32> topics, long head) {
    long n = 0;
    for (long from = 0; from <= head; from += GETLOGS_RANGE) {
      n += c.logs(contracts, topics, from, Math.min(head, from + GETLOGS_RANGE - 1)).size();
    }
    return n;
  }

  private static Database indexOnce(NetworkProfile p, Path file) {
    long t0 = System.nanoTime();
    Database db = Database.open(file);
    long t1 = System.nanoTime();
    long t2;
    long t3;
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofMillis(100))) {
      t2 = System.nanoTime();
      ix.catchUp();
      t3 = System.nanoTime();
    }
    if (PHASES) {
      System.out.printf(
          "  open %.3f s, wiring %.3f s, catch-up %.3f s, close %.3f s%n",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
    }
    return db;
  }

  static long rows(Database db) {
    return db.read(
        c -> {
          long n = 0;
          for (String t :
              List.of(
                  "state_syncs", "exit_results", "commitments", "state_sync_results", "exits")) {
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
              rs.next();
              n += rs.getLong(1);
            }
          }
          return n;
        });
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long size(Path f) throws IOException {
    return Files.exists(f) ? Files.size(f) : 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
