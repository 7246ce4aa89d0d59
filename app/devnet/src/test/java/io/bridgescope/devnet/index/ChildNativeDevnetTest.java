package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetAssets;
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
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A child-native ERC-20 on the devnet (docs/protocol.md, Child-native tokens): mapped and deposited
 * child to root through {@code 0x…1009} (escrow on the child), checkpointed and exited on the root
 * with proofs the product builds (the root mints the mirror); withdrawn back root to child
 * (committed and executed: the escrow is released on the child). The index reads every message as
 * ERC-20 of a child-native token, with the mirror tied to it, and solvency judges the token with
 * its escrow on the child and its supply on the root.
 */
@Tag("devnet")
class ChildNativeDevnetTest {

  static final Duration WAIT = Duration.ofSeconds(120);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final long EXIT_GAS = 1_500_000;
  private static final Address ESCROW = DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE;

  @TempDir Path work;

  @Test
  void childNativeTokenGoesToTheRootAndBack() {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            .trafficInterval(Duration.ZERO)
            .autoExit(false)
            .build();
    try (Devnet devnet = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      NetworkProfile profile = devnet.profile().toBuilder().confirmations(0).build();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter writer = new StoreWriter(db, Clock.systemUTC());
          Indexer indexer = new Indexer(profile, db, writer, Duration.ofMillis(200))) {
        ChainClient root = devnet.root();
        ChainClient child = devnet.child();
        DevnetAssets a = devnet.assets();
        Address token = a.childNative();
        List<?> accounts = (List<?>) root.rpc("eth_accounts", List.of());
        Address owner = Address.of(accounts.get(0).toString());
        Address me = Address.of(accounts.get(6).toString());

        send(child, owner, token, Abi.call("mint(address,uint256)", addr(me), uint(ether(100))));
        send(child, me, token, BridgeAbi.approve(ESCROW, AbiValue.MAX_UINT256));
        List<BigInteger> map =
            exitIds(send(child, me, ESCROW, Abi.call("mapToken(address)", addr(token))));
        List<BigInteger> dep =
            exitIds(send(child, me, ESCROW, BridgeAbi.depositTo(token, me, ether(5))));
        assertThat(map).hasSize(1);
        assertThat(dep).hasSize(1);
        assertThat(balance(child, token, ESCROW)).isEqualTo(ether(5));
        assertThat(balance(child, token, me)).isEqualTo(ether(95));
        Address mirror = mapped(child, ESCROW, token);

        // Both exits checkpointed and exited with the product's proofs: the root mints.
        ProofBuilder proofs = new ProofBuilder(db, profile.contracts(), profile.epochSize());
        for (BigInteger id : List.of(map.get(0), dep.get(0))) {
          ExitProof p = proofFor(indexer, proofs, id);
          // An explicit limit: a node's estimate is the least gas with which the exit does not
          // revert, and ExitHelper does not revert when the predicate's call runs out of gas.
          TransactionReceipt r =
              send(root, me, devnet.contracts().exitHelper(), p.exitCalldata(), EXIT_GAS);
          assertThat(exitSucceeded(r, id)).as("exit " + id + " succeeded on the root").isTrue();
        }
        assertThat(mapped(root, a.childMintableErc20Predicate(), token)).isEqualTo(mirror);
        assertThat(balance(root, mirror, me)).isEqualTo(ether(5));
        assertThat(supply(root, mirror)).isEqualTo(ether(5));

        // Back: burned on the root, committed and executed on the child, the escrow released.
        TransactionReceipt w =
            send(
                root,
                me,
                a.childMintableErc20Predicate(),
                BridgeAbi.withdrawTo(mirror, me, ether(2)));
        BigInteger syncId = stateSyncId(w);
        assertThat(supply(root, mirror)).isEqualTo(ether(3));
        Awaitility.await("the withdrawal executed on the child")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(300))
            .until(() -> balance(child, token, ESCROW).equals(ether(3)));
        assertThat(balance(child, token, me)).isEqualTo(ether(97));

        // The index: both directions as ERC-20 of a child-native token, completed.
        Awaitility.await("the index has both results")
            .atMost(WAIT)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  indexer.catchUp();
                  return succeeded(db, "exit_results", dep.get(0))
                      && succeeded(db, "state_sync_results", syncId);
                });
        AssetPayload out = payload(db, Direction.TO_ROOT, dep.get(0));
        assertThat(out.kind()).isEqualTo(AssetKind.ERC20);
        AssetPayload.Transfer t = (AssetPayload.Transfer) out;
        assertThat(t.predicate()).isEqualTo(AssetPredicate.ROOT_MINTABLE_ERC20);
        assertThat(t.action()).isEqualTo(AssetAction.DEPOSIT);
        assertThat(t.token()).isEqualTo(token);
        assertThat(t.from()).isEqualTo(me);
        assertThat(t.items().get(0).amount()).isEqualTo(ether(5));
        AssetPayload m = payload(db, Direction.TO_ROOT, map.get(0));
        assertThat(m).isInstanceOf(AssetPayload.Mapping.class);
        assertThat(((AssetPayload.Mapping) m).decimals()).hasValue(18);
        AssetPayload.Transfer back =
            (AssetPayload.Transfer) payload(db, Direction.TO_CHILD, syncId);
        assertThat(back.kind()).isEqualTo(AssetKind.ERC20);
        assertThat(back.predicate()).isEqualTo(AssetPredicate.ROOT_MINTABLE_ERC20);
        assertThat(back.action()).isEqualTo(AssetAction.WITHDRAW);
        assertThat(back.token()).isEqualTo(token);
        assertThat(back.items().get(0).amount()).isEqualTo(ether(2));
        TokenMapping tie =
            db.read(c -> new TokenDao(c).mappingOf(AssetPredicate.ROOT_MINTABLE_ERC20, token))
                .orElseThrow();
        assertThat(tie.rootChainToken()).isEqualTo(mirror);
        assertThat(tie.childChainToken()).isEqualTo(token);

        // Solvency with the directions swapped: a deposit not exited yet is in flight child to
        // root, and the child escrow (4) = the root mirror's supply (3) + that deposit (1).
        List<BigInteger> pending =
            exitIds(send(child, me, ESCROW, BridgeAbi.depositTo(token, me, ether(1))));
        AtomicReference<TokenSolvency> seen = new AtomicReference<>();
        Awaitility.await("the pending deposit indexed and judged")
            .atMost(WAIT)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  indexer.catchUp();
                  Optional<SolvencyReport> r = new Solvency(profile, db, root, child).check();
                  if (r.isEmpty() || r.get().unsettled().isPresent()) {
                    return false;
                  }
                  r.get().tokens().stream()
                      .filter(x -> x.home() == TokenHome.CHILD)
                      .findFirst()
                      .ifPresent(seen::set);
                  return seen.get() != null
                      && seen.get().depositsInFlight().equals(ether(1))
                      && seen.get().escrow().equals(ether(4));
                });
        TokenSolvency sol = seen.get();
        assertThat(pending).hasSize(1);
        assertThat(sol.childToken()).contains(token);
        assertThat(sol.rootToken()).isEqualTo(mirror);
        assertThat(sol.childSupply()).isEqualTo(ether(3));
        assertThat(sol.exitsInFlight()).isZero();
        assertThat(sol.depositsFailed()).isZero();
        assertThat(sol.status()).isEqualTo(TokenSolvency.Status.BALANCED);
      }
    }
  }

  static AssetPayload payload(Database db, Direction d, BigInteger id) {
    List<AssetMessage> page =
        db.read(
            c ->
                new AssetDao(c).page(d, Optional.empty(), Optional.empty(), Optional.empty(), 500));
    return page.stream()
        .filter(x -> x.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(d.key() + " " + id + " is not indexed"))
        .payload();
  }

  static boolean succeeded(Database db, String table, BigInteger id) {
    return db.read(
        c -> {
          try (var ps = c.prepareStatement("SELECT max(success) FROM " + table + " WHERE id = ?")) {
            ps.setBytes(1, io.bridgescope.core.store.Uint256Column.encode(id));
            try (var rs = ps.executeQuery()) {
              return rs.next() && rs.getInt(1) == 1;
            }
          }
        });
  }

  static ExitProof proofFor(Indexer indexer, ProofBuilder proofs, BigInteger id) {
    AtomicReference<ExitProof> p = new AtomicReference<>();
    Awaitility.await("a checkpoint covering exit " + id)
        .atMost(WAIT)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              indexer.catchUp();
              proofs.invalidate();
              try {
                p.set(proofs.exitProof(id));
                return true;
              } catch (ProofException e) {
                if (e.reason() != ProofException.Reason.NOT_CHECKPOINTED
                    && e.reason() != ProofException.Reason.NOT_INDEXED) {
                  throw e;
                }
                return false;
              }
            });
    return p.get();
  }

  static boolean exitSucceeded(TransactionReceipt r, BigInteger id) {
    for (Log l : r.getLogs()) {
      if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.EXIT_PROCESSED)) {
        BridgeEvents.Result res = BridgeEvents.result(l);
        if (res.id().equals(id)) {
          return res.success();
        }
      }
    }
    return false;
  }

  static List<BigInteger> exitIds(TransactionReceipt r) {
    List<BigInteger> ids = new ArrayList<>();
    for (Log l : r.getLogs()) {
      if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.L2_STATE_SYNCED)) {
        ids.add(BridgeEvents.stateSync(l).id());
      }
    }
    return ids;
  }

  static BigInteger stateSyncId(TransactionReceipt r) {
    for (Log l : r.getLogs()) {
      if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.STATE_SYNCED)) {
        return BridgeEvents.stateSync(l).id();
      }
    }
    throw new AssertionError("the withdrawal sent no StateSynced");
  }

  static TransactionReceipt send(ChainClient c, Address from, Address to, byte[] data) {
    return send(c, from, to, data, null);
  }

  static TransactionReceipt send(
      ChainClient c, Address from, Address to, byte[] data, @Nullable Long gas) {
    TransactionReceipt r =
        c.awaitReceipt(c.sendUnlocked(from, to, data, null, gas), Duration.ofSeconds(30));
    assertThat(r.isStatusOK()).as("transaction to " + to + " on " + c.label()).isTrue();
    return r;
  }

  static Address mapped(ChainClient c, Address predicate, Address token) {
    return new AbiReader(c.call(predicate, Abi.call("rootTokenToChildToken(address)", addr(token))))
        .address("rootTokenToChildToken", 0);
  }

  private static BigInteger balance(ChainClient c, Address token, Address who) {
    byte[] r = c.call(token, BridgeAbi.balanceOf(who));
    return r.length == 0 ? BigInteger.ZERO : new BigInteger(1, r);
  }

  private static BigInteger supply(ChainClient c, Address token) {
    return new BigInteger(1, c.call(token, Abi.call("totalSupply()")));
  }

  private static BigInteger ether(long n) {
    return ETHER.multiply(BigInteger.valueOf(n));
  }

  static AbiValue addr(Address a) {
    return AbiValue.address(a);
  }

  private static AbiValue uint(BigInteger v) {
    return AbiValue.uint(v);
  }
}
