package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.chain.RpcHealth;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.reliability.RpcFaultProxy.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The indexer behind RPC endpoints that are down, slow, rate-limited, answer malformed JSON, or
 * answer eth_getLogs for another range (a {@link RpcFaultProxy} on loopback in front of the
 * devnet's anvils). It keeps retrying, its status names the node and the problem, it writes nothing
 * wrong, and with a healthy fallback endpoint it keeps indexing. Scenarios run in parallel against
 * one devnet, each with its own proxies and database, because the reader's own retries take ~16 s
 * before a step reports a failure. Every scenario runs against both stores at once: a SQLite file
 * and a team index on PostgreSQL ({@link TestStore}).
 */
@Tag("devnet")
class RpcFaultsTest {

  private static final Duration WAIT = Duration.ofSeconds(180); // generous: for a loaded machine
  private static Devnet devnet;
  private static Path work;
  private static ChainTruth truth;

  @BeforeAll
  static void startDevnet() throws Exception {
    work = Files.createTempDirectory("bs-rpc-faults-");
    devnet = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {});
    truth = new ChainTruth(devnet.root(), devnet.child(), devnet.profile().contracts());
  }

  @AfterAll
  static void stopDevnet() {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void aFaultyOnlyNodeIsRetriedReportedAndLeavesNoCorruption() throws Exception {
    runAll(
        Map.of(
            Mode.DOWN, "unreachable",
            Mode.TOO_MANY_REQUESTS, "HTTP error: Invalid response received: 429",
            Mode.MALFORMED, "malformed"),
        // WRONG_RANGE is a lie, not a fault: the node is never trusted again, so it cannot
        // "heal" (ProviderLimitsDevnetTest covers a lying only node)
        this::faultyOnlyNode);
  }

  @Test
  void slowNodeIndexesCompletelyWithoutErrors() throws Exception {
    runAll(Map.of(Mode.SLOW, ""), RpcFaultsTest::slowNode);
  }

  private static void slowNode(TestStore store, Mode mode, String words) throws Exception {
    try (RpcFaultProxy rp = new RpcFaultProxy(devnet.rootNode().rpcUrl());
        RpcFaultProxy cp = new RpcFaultProxy(devnet.childNode().rpcUrl())) {
      rp.mode(mode);
      cp.mode(mode);
      rp.delay(150);
      cp.delay(150);
      Database db = store.fresh(work, "slow");
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(profile(List.of(rp.url()), List.of(cp.url())), db, w, poll())) {
        ix.catchUp();
        for (ChainRole role : ChainRole.values()) {
          assertThat(ix.status(role).lastError()).as("%s: %s status", store, role).isNull();
        }
      }
      assertThat(rp.requests.get() + cp.requests.get()).isPositive();
      truth.assertIndexEqualsChain(db, store + ", slow node");
    }
  }

  @Test
  void aHealthyFallbackNodeKeepsIndexing() throws Exception {
    runAll(
        Map.of(
            Mode.DOWN, "unreachable",
            Mode.MALFORMED, "malformed",
            Mode.WRONG_RANGE, "no longer trusted",
            Mode.HANG, "did not answer"),
        this::withFallback);
  }

  private interface Scenario {
    void run(TestStore store, Mode mode, String words) throws Exception;
  }

  /** Runs one scenario per store and mode in parallel; fails with every failing run's error. */
  private static void runAll(Map<Mode, String> modes, Scenario s) throws Exception {
    TestStore[] stores = TestStore.values();
    ExecutorService ex = Executors.newFixedThreadPool(modes.size() * stores.length);
    try {
      Map<String, CompletableFuture<Void>> runs = new java.util.TreeMap<>();
      for (TestStore store : stores) {
        modes.forEach(
            (mode, words) ->
                runs.put(
                    store + " " + mode,
                    CompletableFuture.runAsync(
                        () -> {
                          try {
                            s.run(store, mode, words);
                          } catch (Exception e) {
                            throw new RuntimeException(e);
                          }
                        },
                        ex)));
      }
      List<Throwable> failures = new ArrayList<>();
      runs.forEach(
          (run, f) -> {
            try {
              f.join();
            } catch (RuntimeException e) {
              Throwable cause = e.getCause() == null ? e : e.getCause();
              failures.add(new AssertionError(run + ": " + cause.getMessage(), cause));
            }
          });
      if (!failures.isEmpty()) {
        AssertionError all =
            new AssertionError(failures.size() + " store/fault mode run(s) failed");
        failures.forEach(all::addSuppressed);
        throw all;
      }
    } finally {
      ex.shutdownNow();
    }
  }

  /**
   * The only endpoint of each chain turns faulty after a healthy catch-up: both chains' statuses
   * report the node and the problem, requests keep coming (retries), and once the node heals the
   * indexer catches up by itself and the database equals the chains.
   */
  private void faultyOnlyNode(TestStore store, Mode mode, String words) throws Exception {
    try (RpcFaultProxy rp = new RpcFaultProxy(devnet.rootNode().rpcUrl());
        RpcFaultProxy cp = new RpcFaultProxy(devnet.childNode().rpcUrl())) {
      Database db = store.fresh(work, "only-" + mode);
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(profile(List.of(rp.url()), List.of(cp.url())), db, w, poll())) {
        ix.catchUp();
        rp.mode(mode);
        cp.mode(mode);
        ix.start();
        for (RpcFaultProxy p : List.of(rp, cp)) {
          ChainRole role = p == rp ? ChainRole.ROOT : ChainRole.CHILD;
          await(mode + " " + role + " error reported", () -> ix.status(role).lastError() != null);
          IndexStatus st = ix.status(role);
          assertThat(st.lastError())
              .as("%s: %s status names the node and the problem", mode, role)
              .contains(p.hostPort())
              .containsIgnoringCase(words);
          RpcHealth h = health(st, p.url());
          assertThat(h.ok()).as("%s: %s endpoint marked failing", mode, role).isFalse();
          assertThat(h.lastError()).contains(p.hostPort());
          long faulted = p.faulted.get();
          await(mode + " " + role + " retried after the error", () -> p.faulted.get() > faulted);
        }
        rp.mode(Mode.HEALTHY);
        cp.mode(Mode.HEALTHY);
        for (ChainRole role : ChainRole.values()) {
          long head = truth.client(role).blockNumber();
          await(
              mode + " " + role + " recovered past block " + head,
              () -> ix.status(role).lastError() == null && ix.status(role).indexedTo() >= head);
        }
      }
      truth.assertIndexEqualsChain(db, store + ", after the node was " + mode);
    }
  }

  /**
   * The first endpoint of each chain is faulty from the start and the second is the anvil itself:
   * the indexer fails over, keeps up with the chains without reporting a step error, and marks the
   * faulty endpoint in its health list.
   */
  private void withFallback(TestStore store, Mode mode, String words) throws Exception {
    try (RpcFaultProxy rp = new RpcFaultProxy(devnet.rootNode().rpcUrl());
        RpcFaultProxy cp = new RpcFaultProxy(devnet.childNode().rpcUrl())) {
      rp.mode(mode);
      cp.mode(mode);
      NetworkProfile p =
          profile(
              List.of(rp.url(), devnet.rootNode().rpcUrl()),
              List.of(cp.url(), devnet.childNode().rpcUrl()));
      Database db = store.fresh(work, "fallback-" + mode);
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, poll())) {
        ix.start();
        for (ChainRole role : ChainRole.values()) {
          RpcFaultProxy proxy = role == ChainRole.ROOT ? rp : cp;
          await(
              mode + " fallback: " + role + " faulty endpoint marked failing",
              () -> !health(ix.status(role), proxy.url()).ok());
          long head = truth.client(role).blockNumber();
          await(
              mode + " fallback: " + role + " indexed past block " + head,
              () -> ix.status(role).indexedTo() >= head && ix.status(role).lastError() == null);
          RpcHealth h = health(ix.status(role), proxy.url());
          assertThat(h.ok()).as("%s: %s faulty endpoint marked failing", mode, role).isFalse();
          assertThat(h.lastError()).contains(proxy.hostPort()).containsIgnoringCase(words);
        }
      }
      truth.assertIndexEqualsChain(db, store + ", with a " + mode + " first endpoint");
    }
  }

  private static NetworkProfile profile(List<URI> root, List<URI> child) {
    return devnet.profile().toBuilder().rootRpcUrls(root).childRpcUrls(child).build();
  }

  private static Duration poll() {
    return Duration.ofMillis(100);
  }

  private static RpcHealth health(IndexStatus st, URI url) {
    return st.rpc().stream()
        .filter(h -> h.url().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no health entry for " + url + " in " + st.rpc()));
  }

  /** Waits until {@code done}; a bounded wait whose expiry fails the test with {@code what}. */
  private static void await(String what, BooleanSupplier done) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(done::getAsBoolean);
  }
}
