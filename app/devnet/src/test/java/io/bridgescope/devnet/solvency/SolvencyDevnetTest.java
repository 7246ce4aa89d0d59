package io.bridgescope.devnet.solvency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The solvency invariant on a live devnet: while demo deposits and withdrawals are in flight the
 * escrow equals the child supply plus what is in flight, at every index state that can be judged;
 * after the fault knob mints child tokens with no deposit behind them, the first index state that
 * includes the mint's block shows a deficit of exactly the minted amount. Every kind is judged,
 * root-native and child-native: ERC-20, ERC-721 (in ids) and ERC-1155 (per id); an ERC-1155 id
 * minted on the child with no deposit shows as its own row, short by exactly its amount.
 */
@Tag("devnet")
class SolvencyDevnetTest {

  private static final Logger LOG = LoggerFactory.getLogger(SolvencyDevnetTest.class);
  private static final Duration WAIT = Duration.ofSeconds(180);

  @TempDir Path work;

  @Test
  void anUnbackedMintIsCaughtWithItsExactAmount() throws Exception {
    try (Devnet d = Devnet.start(DevnetConfig.defaults(), DevnetHome.locate(), work, m -> {})) {
      NetworkProfile p = d.profile();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
          Indexer ix = new Indexer(p, db, w, Duration.ofMillis(200));
          ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
          ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
        Solvency solvency = new Solvency(p, db, root, child);
        List<SolvencyReport> judged = new ArrayList<>();
        // traffic first: deposits executed, withdrawals burned and some exited
        await("deposits executed and exits processed while solvency is checked")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  ix.catchUp();
                  Optional<SolvencyReport> r = solvency.check();
                  r.filter(x -> x.unsettled().isEmpty()).ifPresent(judged::add);
                  return d.status().syncsExecuted() >= 4
                      && d.status().exitsExited() >= 1
                      && r.isPresent()
                      && r.get().unsettled().isEmpty()
                      && !r.get().tokens().isEmpty()
                      // the demo's NFTs are counted too, once one has reached the child
                      && r.get().tokens().stream()
                          .anyMatch(
                              t ->
                                  t.kind() == io.bridgescope.core.solvency.AssetKind.ERC721
                                      && t.childSupply().signum() > 0)
                      && r.get().tokens().stream()
                          .anyMatch(
                              t ->
                                  t.kind() == io.bridgescope.core.solvency.AssetKind.ERC1155
                                      && t.home() == io.bridgescope.core.asset.TokenHome.ROOT
                                      && t.childSupply().signum() > 0);
                });
        assertThat(judged).isNotEmpty();
        // the demo's own counts compare like with like: exits of every kind on both sides
        var status = d.status();
        assertThat(status.exitsExited()).isLessThanOrEqualTo(status.exitsSent());
        assertThat(status.exitsCheckpointed()).isLessThanOrEqualTo(status.exitsSent());
        for (SolvencyReport r : judged) {
          if (r.tokens().stream().allMatch(t -> t.status() == TokenSolvency.Status.BALANCED)) {
            continue;
          }
          assertThat(r.tokens())
              .as(
                  "balanced at root %d / child %d: %s; %s",
                  r.rootBlock(), r.childBlock(), r.tokens(), missingRows(p, db, root, child, r))
              .allMatch(t -> t.status() == TokenSolvency.Status.BALANCED);
        }
        assertThat(judged)
            .as("some balanced state had deposits or exits in flight: the accounting was exercised")
            .anyMatch(
                r ->
                    r.tokens().stream()
                        .anyMatch(t -> t.depositsInFlight().add(t.exitsInFlight()).signum() > 0));

        BigInteger minted = new BigInteger("1234567890123456789");
        long mintBlock = d.mintUnbacked(Address.ofLow(0xbad), minted);
        AtomicReference<SolvencyReport> caught = new AtomicReference<>();
        await("the deficit is reported")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  ix.catchUp();
                  Optional<SolvencyReport> r = solvency.check();
                  if (r.isEmpty() || r.get().unsettled().isPresent()) {
                    return false;
                  }
                  if (r.get().childBlock() < mintBlock) {
                    assertThat(r.get().solvent()).as("before the mint's block").isTrue();
                    return false;
                  }
                  caught.set(r.get());
                  return true;
                });
        SolvencyReport r = caught.get();
        assertThat(r.deficits()).hasSize(1);
        TokenSolvency t = r.deficits().get(0);
        assertThat(t.difference()).isEqualTo(minted.negate());
        assertThat(t.childToken()).contains(d.contracts().childToken());
        LOG.info(
            "unbacked mint of {} in child block {} caught at child block {} ({} blocks later),"
                + " difference {}",
            minted,
            mintBlock,
            r.childBlock(),
            r.childBlock() - mintBlock,
            t.difference());

        // an ERC-1155 id no deposit ever named, minted on the child: its own row, exactly short
        BigInteger id = BigInteger.valueOf(777);
        BigInteger multi = BigInteger.valueOf(5);
        long multiBlock = d.unbacked().erc1155(Address.ofLow(0xbad), id, multi);
        AtomicReference<SolvencyReport> caughtMulti = new AtomicReference<>();
        await("the ERC-1155 deficit is reported")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  ix.catchUp();
                  Optional<SolvencyReport> m = solvency.check();
                  if (m.isEmpty()
                      || m.get().unsettled().isPresent()
                      || m.get().childBlock() < multiBlock) {
                    return false;
                  }
                  caughtMulti.set(m.get());
                  return true;
                });
        SolvencyReport m = caughtMulti.get();
        assertThat(m.deficits())
            .as("the ERC-20 deficit stays, and the ERC-1155 id is short by exactly %s", multi)
            .hasSize(2)
            .anySatisfy(x -> assertThat(x.difference()).isEqualTo(minted.negate()))
            .anySatisfy(
                x -> {
                  assertThat(x.kind()).isEqualTo(io.bridgescope.core.solvency.AssetKind.ERC1155);
                  assertThat(x.id()).contains(id);
                  assertThat(x.rootToken()).isEqualTo(d.assets().multi());
                  assertThat(x.childToken()).contains(d.unbacked().childMulti());
                  assertThat(x.childSupply()).isEqualTo(multi);
                  assertThat(x.difference()).isEqualTo(multi.negate());
                });
        LOG.info(
            "unbacked ERC-1155 mint of {} (id {}) in child block {} caught at child block {}",
            multi,
            id,
            multiBlock,
            m.childBlock());
      }
    }
  }

  /**
   * What an unbalanced state is made of, for the failure message: the bridge messages the chains
   * hold up to the report's blocks that the index does not (or the other way round).
   */
  private static String missingRows(
      NetworkProfile p, Database db, ChainClient root, ChainClient child, SolvencyReport r) {
    try {
      java.util.Set<BigInteger> syncs = new java.util.TreeSet<>();
      for (var l :
          root.logs(
              p.contracts().stateSender(),
              List.of(io.bridgescope.core.bridge.BridgeEvents.STATE_SYNCED),
              0,
              r.rootBlock())) {
        syncs.add(io.bridgescope.core.bridge.BridgeEvents.stateSync(l).id());
      }
      java.util.Set<BigInteger> exits = new java.util.TreeSet<>();
      for (var l :
          child.logs(
              p.contracts().l2StateSender(),
              List.of(io.bridgescope.core.bridge.BridgeEvents.L2_STATE_SYNCED),
              0,
              r.childBlock())) {
        exits.add(io.bridgescope.core.bridge.BridgeEvents.stateSync(l).id());
      }
      java.util.Set<BigInteger> indexedSyncs = ids(db, "state_syncs", r.rootBlock());
      java.util.Set<BigInteger> indexedExits = ids(db, "exits", r.childBlock());
      return "state syncs on chain, not indexed: "
          + minus(syncs, indexedSyncs)
          + ", indexed, not on chain: "
          + minus(indexedSyncs, syncs)
          + "; exits on chain, not indexed: "
          + minus(exits, indexedExits)
          + ", indexed, not on chain: "
          + minus(indexedExits, exits);
    } catch (RuntimeException e) {
      return "could not compare the index with the chains: " + e;
    }
  }

  private static java.util.Set<BigInteger> ids(Database db, String table, long upTo) {
    return db.read(
        c -> {
          java.util.Set<BigInteger> out = new java.util.TreeSet<>();
          try (var st =
              c.prepareStatement("SELECT id FROM " + table + " WHERE block_number <= ?")) {
            st.setLong(1, upTo);
            try (var rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(new BigInteger(1, rs.getBytes(1)));
              }
            }
          }
          return out;
        });
  }

  private static java.util.Set<BigInteger> minus(
      java.util.Set<BigInteger> a, java.util.Set<BigInteger> b) {
    java.util.Set<BigInteger> out = new java.util.TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
