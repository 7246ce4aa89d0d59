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
import io.bridgescope.core.abi.AbiReader;
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
import io.bridgescope.core.chain.ChainException;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A child-native ERC-721 on the devnet ({@code 0x…100a}): mapped and deposited child to root as a
 * batch (the ids escrowed on the child), checkpointed and exited on the root with the product's
 * proofs (the root mints the mirrored ids); withdrawn back as a batch root to child (committed and
 * executed: the escrow hands the ids back). The index reads both as ERC-721 batches of a
 * child-native token, with the mirror tied to it.
 */
@Tag("devnet")
class ChildNativeNftDevnetTest {

  private static final Address ESCROW = DevnetAssets.ROOT_MINTABLE_ERC721_PREDICATE;

  @TempDir Path work;

  @Test
  void childNativeNftsGoToTheRootAndBack() {
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
        Address nft = a.childNativeNft();
        List<?> accounts = (List<?>) root.rpc("eth_accounts", List.of());
        Address owner = Address.of(accounts.get(0).toString());
        Address me = Address.of(accounts.get(6).toString());
        List<BigInteger> ids = List.of(BigInteger.valueOf(7), BigInteger.valueOf(8));
        for (BigInteger id : ids) {
          send(child, owner, nft, Abi.call("mint(address,uint256)", addr(me), AbiValue.uint(id)));
        }
        send(child, me, nft, AssetCalls.setApprovalForAll(ESCROW, true));
        List<BigInteger> out = new ArrayList<>();
        out.addAll(exitIds(send(child, me, ESCROW, Abi.call("mapToken(address)", addr(nft)))));
        out.addAll(
            exitIds(
                send(child, me, ESCROW, AssetCalls.depositBatch721(nft, List.of(me, me), ids))));
        assertThat(out).hasSize(2);
        for (BigInteger id : ids) {
          assertThat(ownerOf(child, nft, id)).isEqualTo(ESCROW);
        }
        Address mirror = mapped(child, ESCROW, nft);
        long childAfterDeposit = child.blockNumber();

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
        assertThat(mapped(root, a.childMintableErc721Predicate(), nft)).isEqualTo(mirror);
        for (BigInteger id : ids) {
          assertThat(ownerOf(root, mirror, id)).isEqualTo(me);
        }

        long rootAfterExits = root.blockNumber();
        TransactionReceipt w =
            send(
                root,
                me,
                a.childMintableErc721Predicate(),
                AssetCalls.withdrawBatch721(mirror, List.of(me, me), ids));
        BigInteger syncId = stateSyncId(w);
        assertThat(ownerOf(root, mirror, ids.get(0))).isEqualTo(Address.ZERO); // burned
        Awaitility.await("the batch withdrawal executed on the child")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(300))
            .until(() -> ids.stream().allMatch(id -> me.equals(ownerOf(child, nft, id))));

        Awaitility.await("the index has both results")
            .atMost(WAIT)
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  indexer.catchUp();
                  return succeeded(db, "exit_results", out.get(1))
                      && succeeded(db, "state_sync_results", syncId);
                });
        assertThat(payload(db, Direction.TO_ROOT, out.get(0)))
            .isInstanceOf(AssetPayload.Mapping.class);
        AssetPayload.Transfer there =
            (AssetPayload.Transfer) payload(db, Direction.TO_ROOT, out.get(1));
        AssetPayload.Transfer back =
            (AssetPayload.Transfer) payload(db, Direction.TO_CHILD, syncId);
        for (AssetPayload.Transfer t : List.of(there, back)) {
          assertThat(t.kind()).isEqualTo(AssetKind.ERC721);
          assertThat(t.predicate()).isEqualTo(AssetPredicate.ROOT_MINTABLE_ERC721);
          assertThat(t.token()).isEqualTo(nft);
          assertThat(t.items())
              .extracting(AssetItem::tokenId)
              .map(o -> o.orElseThrow())
              .containsExactlyElementsOf(ids);
        }
        assertThat(there.action()).isEqualTo(AssetAction.DEPOSIT_BATCH);
        assertThat(back.action()).isEqualTo(AssetAction.WITHDRAW_BATCH);
        TokenMapping tie =
            db.read(c -> new TokenDao(c).mappingOf(AssetPredicate.ROOT_MINTABLE_ERC721, nft))
                .orElseThrow();
        assertThat(tie.rootChainToken()).isEqualTo(mirror);
        assertThat(tie.childChainToken()).isEqualTo(nft);

        // solvency, counted in ids, as of the moment both ids were escrowed on the child and
        // minted on the root: 2 ids escrowed = 2 ids on the mirror (read from its mint logs)
        SolvencyReport mid =
            new Solvency(profile, db, root, child).checkAt(rootAfterExits, childAfterDeposit);
        assertThat(mid.unsettled()).isEmpty();
        // (the child's native coin is judged on every devnet too; none of it moved here)
        assertThat(mid.tokens())
            .filteredOn(t -> t.home() == io.bridgescope.core.asset.TokenHome.CHILD)
            .singleElement()
            .satisfies(
                t -> {
                  assertThat(t.kind()).isEqualTo(io.bridgescope.core.solvency.AssetKind.ERC721);
                  assertThat(t.home()).isEqualTo(io.bridgescope.core.asset.TokenHome.CHILD);
                  assertThat(t.rootToken()).isEqualTo(mirror);
                  assertThat(t.childToken()).contains(nft);
                  assertThat(t.escrow()).isEqualTo(BigInteger.TWO);
                  assertThat(t.childSupply()).isEqualTo(BigInteger.TWO);
                  assertThat(t.status()).isEqualTo(TokenSolvency.Status.BALANCED);
                });
        // and at the end both are back on the child: nothing escrowed, the mirror burned both
        SolvencyReport end = new Solvency(profile, db, root, child).check().orElseThrow();
        assertThat(end.solvent()).as("%s", end).isTrue();
        assertThat(end.tokens())
            .filteredOn(t -> t.home() == io.bridgescope.core.asset.TokenHome.CHILD)
            .singleElement()
            .satisfies(t -> assertThat(t.escrow()).isZero());
      }
    }
  }

  private static Address ownerOf(ChainClient c, Address token, BigInteger id) {
    try {
      byte[] r = c.call(token, AssetCalls.ownerOf(id));
      return r.length == 0 ? Address.ZERO : new AbiReader(r).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // not minted (or burned)
    }
  }
}
