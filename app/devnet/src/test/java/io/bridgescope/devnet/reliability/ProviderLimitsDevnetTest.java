package io.bridgescope.devnet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.RpcHealth;
import io.bridgescope.core.chain.UntrustedNodeException;
import io.bridgescope.core.index.IndexStatus;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.ProviderProxy;
import io.bridgescope.devnet.ProviderProxy.CapWording;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The indexer behind a {@link ProviderProxy}: a root with a long empty history ({@code
 * --root-history}) caught up through block-range, results and rate caps with the providers' own
 * words and latency; and providers that lie (logs outside the range, a deep block's hash that
 * changes), which are named and never asked again.
 */
@Tag("devnet")
class ProviderLimitsDevnetTest {

  private static final Duration WAIT = Duration.ofSeconds(180); // generous: for a loaded machine
  private static final long HISTORY = 2_000;
  private static Devnet devnet;
  private static Path work;
  private static ChainTruth truth;

  @BeforeAll
  static void startDevnet() throws Exception {
    work = Files.createTempDirectory("bs-provider-limits-");
    devnet =
        Devnet.start(
            DevnetConfig.defaults().toBuilder().rootHistory(HISTORY).build(),
            DevnetHome.locate(),
            work,
            m -> {});
    truth = new ChainTruth(devnet.root(), devnet.child(), devnet.profile().contracts());
  }

  @AfterAll
  static void stopDevnet() {
    if (devnet != null) {
      devnet.close();
    }
  }

  @Test
  void theRootHistoryIsEmptyBlocksBeforeTheBridge() {
    // the first contract was deployed after the empty history
    assertThat(devnet.root().code(devnet.profile().contracts().stateSender(), HISTORY - 1))
        .isEmpty();
    assertThat(devnet.root().blockNumber()).isGreaterThan(HISTORY);
  }

  @Test
  void catchesUpBehindProviderCapsWithoutMarkingTheNodeDown() throws Exception {
    try (ProviderProxy rp = new ProviderProxy(devnet.rootNode().rpcUrl());
        ProviderProxy cp = new ProviderProxy(devnet.childNode().rpcUrl())) {
      // the root has at most a log or two per block (one transaction each), so 3 results is a
      // cap its traffic stretch hits and single blocks pass
      rp.blockCap(300, CapWording.NAMED).resultCap(3).latency(Duration.ofMillis(5)).throttle(10, 1);
      cp.blockCap(4, CapWording.UNNAMED).sizeCap(64 * 1024).latency(Duration.ofMillis(5));
      Database db = Database.open(work.resolve("capped.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(profile(List.of(rp.url()), List.of(cp.url())), db, w, poll())) {
        ix.catchUp();
        for (ChainRole role : ChainRole.values()) {
          IndexStatus st = ix.status(role);
          assertThat(st.lastError()).as("%s status", role).isNull();
          assertThat(st.rpc()).as("%s endpoint never marked down", role).allMatch(RpcHealth::ok);
        }
      }
      assertThat(rp.refusedRanges()).as("root range refusals").isPositive();
      assertThat(rp.refusedResults()).as("root results refusals").isPositive();
      assertThat(cp.refusedRanges()).as("child range refusals").isPositive();
      assertThat(rp.throttled()).as("429s answered").isPositive();
      // the named cap is learnt once: the root is never again asked beyond it
      assertThat(rp.refusedRanges()).as("root refusals after learning the cap").isLessThan(3);
      // each results refusal costs the refused request and one more of half the span
      assertThat(rp.calls("eth_getLogs"))
          .as("root eth_getLogs against the minimum %d", (HISTORY + 299) / 300)
          .isLessThan(3 * ((devnet.root().blockNumber() + 299) / 300) + 2 * rp.refusedResults());
      truth.assertIndexEqualsChain(db, "behind provider caps");
    }
  }

  @Test
  void aLyingOnlyNodeIsNamedAndNotAskedAgain() throws Exception {
    try (ProviderProxy rp = new ProviderProxy(devnet.rootNode().rpcUrl())) {
      rp.lieAboutRange(true);
      Database db = Database.open(work.resolve("liar.db"));
      NetworkProfile p = profile(List.of(rp.url()), List.of(devnet.childNode().rpcUrl()));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, poll())) {
        ix.start();
        await("root status names the liar", () -> ix.status(ChainRole.ROOT).lastError() != null);
        assertThat(ix.status(ChainRole.ROOT).lastError())
            .contains(rp.hostPort())
            .contains("no longer trusted")
            .contains("it returned one of block");
        long asked = rp.calls("eth_getLogs");
        // the child goes on meanwhile, and the root never asks the liar for logs again
        long childAt = ix.status(ChainRole.CHILD).indexedTo();
        await("child goes on", () -> ix.status(ChainRole.CHILD).indexedTo() > childAt);
        assertThat(rp.calls("eth_getLogs")).isEqualTo(asked);
        assertThat(ix.status(ChainRole.ROOT).rpc().get(0).ok()).isFalse();
      }
    }
  }

  @Test
  void aLyingNodeWithAnHonestFallbackIsDroppedAndTheIndexIsRight() throws Exception {
    try (ProviderProxy rp = new ProviderProxy(devnet.rootNode().rpcUrl())) {
      rp.lieAboutRange(true);
      NetworkProfile p =
          profile(
              List.of(rp.url(), devnet.rootNode().rpcUrl()), List.of(devnet.childNode().rpcUrl()));
      Database db = Database.open(work.resolve("liar-fallback.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, poll())) {
        ix.catchUp();
        assertThat(ix.status(ChainRole.ROOT).lastError()).isNull();
        RpcHealth liar = ix.status(ChainRole.ROOT).rpc().get(0);
        assertThat(liar.ok()).isFalse();
        assertThat(liar.lastError()).contains(rp.hostPort()).contains("no longer trusted");
      }
      truth.assertIndexEqualsChain(db, "with a lying first endpoint");
    }
  }

  @Test
  void aDeepBlockWhoseHashChangesMakesTheNodeUntrusted() throws Exception {
    try (ProviderProxy rp = new ProviderProxy(devnet.rootNode().rpcUrl())) {
      rp.lieAboutHashes(true);
      try (ChainReader alone = ChainReader.of("root", List.of(rp.url())).trustDepth(64)) {
        alone.head();
        alone.blocks(List.of(10L));
        assertThatThrownBy(() -> alone.blocks(List.of(10L)))
            .isInstanceOf(UntrustedNodeException.class)
            .hasMessageContaining(rp.hostPort())
            .hasMessageContaining("block 10 the hash");
      }
      URI honest = devnet.rootNode().rpcUrl();
      try (ChainReader r = ChainReader.of("root", List.of(rp.url(), honest)).trustDepth(64)) {
        r.head();
        String first = r.blocks(List.of(20L)).get(20L).getHash();
        // the liar changes its answer; the honest node's hash is what the reader returns
        assertThat(r.blocks(List.of(20L)).get(20L).getHash()).isEqualTo(first);
        assertThat(first).isEqualTo(devnet.root().block(20).getHash());
        assertThat(r.health().get(0).ok()).isFalse();
        assertThat(r.health().get(0).lastError()).contains("no longer trusted");
      }
    }
  }

  private static NetworkProfile profile(List<URI> root, List<URI> child) {
    return devnet.profile().toBuilder().rootRpcUrls(root).childRpcUrls(child).build();
  }

  private static Duration poll() {
    return Duration.ofMillis(100);
  }

  private static void await(String what, java.util.function.BooleanSupplier done) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(done::getAsBoolean);
  }
}
