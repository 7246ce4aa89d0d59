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
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  private IndexBench() {}

  public static void main(String[] args) throws Exception {
    int syncs = 100_000;
    int exits = 20_000;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--syncs" -> syncs = Integer.parseInt(args[++i]);
        case "--exits" -> exits = Integer.parseInt(args[++i]);
        case "--small" -> {
          syncs = 5_000;
          exits = 1_000;
        }
        case "--keep" -> keep = true;
        default -> {
          System.err.println("usage: IndexBench [--syncs N] [--exits M] [--small] [--keep]");
          System.exit(2);
        }
      }
    }
    Path work = Files.createTempDirectory("bridgescope-index-bench-");
    try (Devnet d = Devnet.start(quietDevnet(), DevnetHome.locate(), work, m -> {})) {
      run(d, work, syncs, exits);
    } finally {
      if (!keep) {
        deleteTree(work);
      } else {
        System.out.println("kept " + work);
      }
    }
  }

  /** No demo traffic, commitments or checkpoints: the chains hold only the generated history. */
  private static DevnetConfig quietDevnet() {
    return DevnetConfig.defaults().toBuilder()
        .commitEvery(Integer.MAX_VALUE)
        .commitInterval(Duration.ofDays(365))
        .epochSize(Integer.MAX_VALUE / 2)
        .trafficInterval(Duration.ZERO)
        .relayerPaused(true)
        .autoExit(false)
        .build();
  }

  private static void run(Devnet d, Path work, int syncs, int exits) throws Exception {
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

    // Warm-up of both paths (JIT, connections), then the measured runs.
    bareGetLogs(profile, rootHead, childHead);
    indexOnce(profile, work.resolve("warmup.db"));
    long tb = System.nanoTime();
    long bareEvents = bareGetLogs(profile, rootHead, childHead);
    double bareSeconds = seconds(tb);
    Path dbFile = work.resolve("index.db");
    long ti = System.nanoTime();
    Database db = indexOnce(profile, dbFile);
    double indexSeconds = seconds(ti);
    long rows = rows(db);
    // The deployment adds a few events of its own (the demo token's MAP_TOKEN state sync).
    if (bareEvents < (long) syncs + exits || rows != bareEvents) {
      throw new IllegalStateException(
          "event counts disagree: generated "
              + (syncs + exits)
              + ", eth_getLogs "
              + bareEvents
              + ", indexed rows "
              + rows);
    }
    long dbBytes = size(dbFile) + size(Path.of(dbFile + "-wal"));
    double bareRate = bareEvents / bareSeconds;
    double indexRate = rows / indexSeconds;
    System.out.printf(
        "bare eth_getLogs : %,9d events in %6.2f s = %,10.0f events/s%n",
        bareEvents, bareSeconds, bareRate);
    System.out.printf(
        "indexer end-to-end: %,9d events in %6.2f s = %,10.0f events/s%n",
        rows, indexSeconds, indexRate);
    System.out.printf("ratio indexer / bare: %.2f (aim >= 0.70)%n", indexRate / bareRate);
    System.out.printf(
        "database: %,d bytes (%.1f MB, %.0f bytes/event) at %s%n",
        dbBytes, dbBytes / 1e6, (double) dbBytes / rows, dbFile);
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
    Database db = Database.open(file);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofMillis(100))) {
      ix.catchUp();
    }
    return db;
  }

  private static long rows(Database db) {
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
