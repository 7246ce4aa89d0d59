package io.bridgescope.devnet.index;

import static io.bridgescope.devnet.index.ChildNativeDevnetTest.EXIT_GAS;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.WAIT;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.addr;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.exitIds;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.exitSucceeded;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.mapped;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.payload;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.proofFor;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.send;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.stateSyncId;
import static io.bridgescope.devnet.index.ChildNativeDevnetTest.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetAction;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A child-native ERC-1155 on the devnet ({@code 0x…100b}): mapped and deposited child to root, one
 * single deposit and one batch (the amounts escrowed on the child), checkpointed and exited on the
 * root with the product's proofs (the root mints the mirrored amounts); withdrawn back root to
 * child, one single withdrawal and one batch (committed and executed: the escrow pays the amounts
 * back). The index reads all four as ERC-1155 transfers of a child-native token, with the mirror
 * tied to it.
 */
@Tag("devnet")
class ChildNativeMultiDevnetTest {

  private static final Address ESCROW = DevnetAssets.ROOT_MINTABLE_ERC1155_PREDICATE;
  private static final BigInteger A = BigInteger.valueOf(7);
  private static final BigInteger B = BigInteger.valueOf(8);

  @TempDir Path work;

  @Test
  void childNativeMultiTokensGoToTheRootAndBack() {
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
        Address multi = a.childNativeMulti();
        Address rootSide = a.childMintableErc1155Predicate();
        List<?> accounts = (List<?>) root.rpc("eth_accounts", List.of());
        Address owner = Address.of(accounts.get(0).toString());
        Address me = Address.of(accounts.get(6).toString());
        Address friend = Address.of(accounts.get(5).toString());
        send(child, owner, multi, mint(me, A, 10));
        send(child, owner, multi, mint(me, B, 20));
        send(child, me, multi, AssetCalls.setApprovalForAll(ESCROW, true));

        List<BigInteger> out = new ArrayList<>();
        out.addAll(exitIds(send(child, me, ESCROW, Abi.call("mapToken(address)", addr(multi)))));
        out.addAll(
            exitIds(send(child, me, ESCROW, AssetCalls.depositTo1155(multi, me, A, uint(4)))));
        out.addAll(
            exitIds(
                send(
                    child,
                    me,
                    ESCROW,
                    AssetCalls.depositBatch1155(
                        multi, List.of(me, friend), List.of(A, B), List.of(uint(3), uint(5))))));
        assertThat(out).hasSize(3);
        assertThat(balance(child, multi, me, A)).isEqualTo(uint(3));
        assertThat(balance(child, multi, ESCROW, A)).isEqualTo(uint(7));
        assertThat(balance(child, multi, ESCROW, B)).isEqualTo(uint(5));
        Address mirror = mapped(child, ESCROW, multi);

        ProofBuilder proofs = new ProofBuilder(db, profile.contracts(), profile.epochSize());
        for (BigInteger id : out) {
          TransactionReceipt r =
              send(
                  root,
                  me,
                  devnet.contracts().exitHelper(),
                  proofFor(indexer, proofs, id).exitCalldata(),
                  EXIT_GAS);
          assertThat(exitSucceeded(r, id)).as("exit " + id + " succeeded on the root").isTrue();
        }
        assertThat(mapped(root, rootSide, multi)).isEqualTo(mirror);
        assertThat(balance(root, mirror, me, A)).isEqualTo(uint(7));
        assertThat(balance(root, mirror, me, B)).isEqualTo(BigInteger.ZERO);
        assertThat(balance(root, mirror, friend, B)).isEqualTo(uint(5));

        TransactionReceipt single =
            send(root, me, rootSide, AssetCalls.withdrawTo1155(mirror, me, A, uint(2)));
        TransactionReceipt batch =
            send(
                root,
                friend,
                rootSide,
                AssetCalls.withdrawBatch1155(
                    mirror, List.of(me, friend), List.of(B, B), List.of(uint(1), uint(4))));
        BigInteger singleId = stateSyncId(single);
        BigInteger batchId = stateSyncId(batch);
        assertThat(balance(root, mirror, me, A)).isEqualTo(uint(5)); // burned
        assertThat(balance(root, mirror, friend, B)).isZero();
        Awaitility.await("both withdrawals executed on the child")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    balance(child, multi, me, A).equals(uint(5))
                        && balance(child, multi, me, B).equals(uint(16))
                        && balance(child, multi, friend, B).equals(uint(4)));
        assertThat(balance(child, multi, ESCROW, A)).isEqualTo(uint(5));
        assertThat(balance(child, multi, ESCROW, B)).isZero();

        Awaitility.await("the index has every result")
            .atMost(WAIT)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  indexer.catchUp();
                  return succeeded(db, "exit_results", out.get(2))
                      && succeeded(db, "state_sync_results", singleId)
                      && succeeded(db, "state_sync_results", batchId);
                });
        AssetPayload.Mapping map =
            (AssetPayload.Mapping) payload(db, Direction.TO_ROOT, out.get(0));
        assertThat(map.predicate()).isEqualTo(AssetPredicate.ROOT_MINTABLE_ERC1155);
        assertThat(map.kind()).isEqualTo(AssetKind.ERC1155);
        assertThat(map.uri()).contains("ipfs://bridgescope-child/{id}");

        check(payload(db, Direction.TO_ROOT, out.get(1)), multi, AssetAction.DEPOSIT, me)
            .containsExactly(AssetItem.multi(me, A, uint(4)));
        check(payload(db, Direction.TO_ROOT, out.get(2)), multi, AssetAction.DEPOSIT_BATCH, me)
            .containsExactly(AssetItem.multi(me, A, uint(3)), AssetItem.multi(friend, B, uint(5)));
        check(payload(db, Direction.TO_CHILD, singleId), multi, AssetAction.WITHDRAW, me)
            .containsExactly(AssetItem.multi(me, A, uint(2)));
        check(payload(db, Direction.TO_CHILD, batchId), multi, AssetAction.WITHDRAW_BATCH, friend)
            .containsExactly(AssetItem.multi(me, B, uint(1)), AssetItem.multi(friend, B, uint(4)));

        TokenMapping tie =
            db.read(c -> new TokenDao(c).mappingOf(AssetPredicate.ROOT_MINTABLE_ERC1155, multi))
                .orElseThrow();
        assertThat(tie.rootChainToken()).isEqualTo(mirror);
        assertThat(tie.childChainToken()).isEqualTo(multi);
        assertThat(homes(db)).containsOnly("child_native");

        // solvency per id, the directions swapped: the child escrow holds 5 of A and none of B;
        // the root mirror minted 7 of A and burned 2, minted 5 of B and burned 5 (its own logs)
        SolvencyReport r = new Solvency(profile, db, root, child).check().orElseThrow();
        assertThat(r.unsettled()).isEmpty();
        // (the child's native coin is judged on every devnet too; none of it moved here)
        assertThat(r.tokens())
            .filteredOn(t -> t.home() == io.bridgescope.core.asset.TokenHome.CHILD)
            .allSatisfy(
                t -> {
                  assertThat(t.kind()).isEqualTo(io.bridgescope.core.solvency.AssetKind.ERC1155);
                  assertThat(t.home()).isEqualTo(io.bridgescope.core.asset.TokenHome.CHILD);
                  assertThat(t.rootToken()).isEqualTo(mirror);
                  assertThat(t.childToken()).contains(multi);
                  assertThat(t.status()).isEqualTo(TokenSolvency.Status.BALANCED);
                })
            .extracting(
                t -> t.id().orElseThrow(), TokenSolvency::escrow, TokenSolvency::childSupply)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(A, uint(5), uint(5)),
                org.assertj.core.groups.Tuple.tuple(B, BigInteger.ZERO, BigInteger.ZERO));
      }
    }
  }

  private static org.assertj.core.api.ListAssert<AssetItem> check(
      AssetPayload p, Address token, AssetAction action, Address from) {
    assertThat(p).isInstanceOf(AssetPayload.Transfer.class);
    AssetPayload.Transfer t = (AssetPayload.Transfer) p;
    assertThat(t.kind()).isEqualTo(AssetKind.ERC1155);
    assertThat(t.predicate()).isEqualTo(AssetPredicate.ROOT_MINTABLE_ERC1155);
    assertThat(t.action()).isEqualTo(action);
    assertThat(t.token()).isEqualTo(token);
    assertThat(t.from()).isEqualTo(from);
    return assertThat(t.items());
  }

  /** The token_home column of every indexed ERC-1155 row (this test sends only child-native). */
  private static List<String> homes(Database db) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (var st = c.createStatement();
              var rs =
                  st.executeQuery(
                      "SELECT token_home FROM asset_payloads WHERE asset_kind = 'erc1155'")) {
            while (rs.next()) {
              out.add(Optional.ofNullable(rs.getString(1)).orElse("null"));
            }
          }
          return out;
        });
  }

  private static byte[] mint(Address to, BigInteger id, long amount) {
    return Abi.call(
        "mint(address,uint256,uint256)",
        AbiValue.address(to),
        AbiValue.uint(id),
        AbiValue.uint(BigInteger.valueOf(amount)));
  }

  private static BigInteger balance(ChainClient c, Address token, Address who, BigInteger id) {
    byte[] r = c.call(token, AssetCalls.balanceOf1155(who, id));
    return r.length == 0 ? BigInteger.ZERO : new BigInteger(1, r);
  }

  private static BigInteger uint(long n) {
    return BigInteger.valueOf(n);
  }
}
