package io.bridgescope.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.asset.AssetMessage;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.Direction;
import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenMapping;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.asset.TokenMetadataReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.proof.ExitProof;
import io.bridgescope.core.proof.ProofBuilder;
import io.bridgescope.core.proof.ProofException;
import io.bridgescope.core.store.AssetDao;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.wallet.Erc20Amount;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.devnet.DevnetAssets;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Every asset kind end to end on the devnet: ERC-721 and ERC-1155 (single and batch) and a
 * 6-decimals ERC-20 are deposited (committed and executed: the child owner or balance changes),
 * withdrawn, checkpointed and exited with proofs the product builds (the root owner or balance
 * changes back); the index reads every payload with its kind and ties each child token to its root
 * token; a message outside the predicates is kept as an unknown payload with its bytes.
 */
@Tag("devnet")
class AssetKindsDevnetTest {

  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void everyKindGoesThereAndBack() throws Exception {
    try (WalletFixture f = new WalletFixture(work, false)) {
      ChainClient root = f.devnet.root();
      ChainClient child = f.devnet.child();
      DevnetAssets a = f.devnet.assets();
      Address owner = f.account(0);
      Address me = f.account(6);
      BigInteger[] ids = {big(1), big(2), big(3)};
      for (BigInteger id : ids) {
        send(root, owner, a.nft(), Abi.call("mint(address,uint256)", addr(me), AbiValue.uint(id)));
      }
      send(root, owner, a.multi(), mint1155(me, 1, 100));
      send(root, owner, a.multi(), mint1155(me, 2, 50));
      send(root, owner, a.usd6(), Abi.call("mint(address,uint256)", addr(me), w(50_000_000)));
      send(root, me, a.nft(), AssetCalls.setApprovalForAll(a.rootErc721Predicate(), true));
      send(root, me, a.multi(), AssetCalls.setApprovalForAll(a.rootErc1155Predicate(), true));
      Address erc20Predicate = f.devnet.contracts().rootPredicate();
      send(root, me, a.usd6(), BridgeAbi.approve(erc20Predicate, AbiValue.MAX_UINT256));

      send(root, me, a.rootErc721Predicate(), AssetCalls.depositTo721(a.nft(), me, ids[0]));
      send(
          root,
          me,
          a.rootErc721Predicate(),
          AssetCalls.depositBatch721(a.nft(), List.of(me, me), List.of(ids[1], ids[2])));
      send(
          root,
          me,
          a.rootErc1155Predicate(),
          AssetCalls.depositTo1155(a.multi(), me, big(1), big(10)));
      send(
          root,
          me,
          a.rootErc1155Predicate(),
          AssetCalls.depositBatch1155(
              a.multi(), List.of(me, me), List.of(big(1), big(2)), List.of(big(5), big(7))));
      send(root, me, erc20Predicate, BridgeAbi.depositTo(a.usd6(), me, u(12_345_678)));
      // A message to no predicate: kept, shown as unknown.
      byte[] stray = {0x42, 0x13, 0x37};
      send(root, me, f.devnet.contracts().stateSender(), BridgeAbi.syncState(me, stray));

      // The escrow holds the root tokens; the child mints once the relayer executes.
      assertThat(ownerOf(root, a.nft(), ids[0])).isEqualTo(a.rootErc721Predicate());
      Address childNft = mapped(root, a.rootErc721Predicate(), a.nft());
      Address childMulti = mapped(root, a.rootErc1155Predicate(), a.multi());
      Address childUsd = mapped(root, erc20Predicate, a.usd6());
      f.await(
          () ->
              me.equals(ownerOf(child, childNft, ids[2]))
                  && balance1155(child, childMulti, me, 1).equals(big(15))
                  && balance1155(child, childMulti, me, 2).equals(big(7))
                  && balance20(child, childUsd, me).equals(u(12_345_678)),
          WAIT,
          "every deposit executed on the child");
      assertThat(ownerOf(child, childNft, ids[0])).isEqualTo(me);

      // The wallet reads a typed amount at the token's own decimals (6 here, never a guessed 18),
      // and its review says it in those units.
      Review planned =
          f.wallet.bridge().prepareWithdraw(me, childUsd, me, Erc20Amount.whole("2.345678"), false);
      assertThat(planned.title()).contains("withdraw 2.345678 ");
      assertThat(planned.steps().get(0).call().args().get(2).value())
          .startsWith("2345678 (2.345678");
      assertThat(planned.steps().get(0).data())
          .isEqualTo(Bytes.of(BridgeAbi.withdrawTo(childUsd, me, u(2_345_678))));
      assertThatThrownBy(
              () ->
                  f.wallet
                      .bridge()
                      .prepareWithdraw(me, childUsd, me, Erc20Amount.whole("0.0000001"), false))
          .isInstanceOf(WalletException.class)
          .hasMessageContaining("has 6 decimals");
      assertThatThrownBy(() -> f.wallet.bridge().prepareWithdraw(me, childUsd, me, u(20_000_000)))
          .isInstanceOf(WalletException.class)
          .hasMessageContaining("holds 12.345678");
      assertThat(balance1155(root, a.multi(), me, 1)).isEqualTo(big(85));

      // Withdraw every kind back, single and batch.
      List<BigInteger> exits = new ArrayList<>();
      exits.addAll(
          sendChild(
              child,
              me,
              DevnetAssets.CHILD_ERC721_PREDICATE,
              AssetCalls.withdrawTo721(childNft, me, ids[0])));
      exits.addAll(
          sendChild(
              child,
              me,
              DevnetAssets.CHILD_ERC721_PREDICATE,
              AssetCalls.withdrawBatch721(childNft, List.of(me, me), List.of(ids[1], ids[2]))));
      exits.addAll(
          sendChild(
              child,
              me,
              DevnetAssets.CHILD_ERC1155_PREDICATE,
              AssetCalls.withdrawBatch1155(
                  childMulti, List.of(me, me), List.of(big(1), big(2)), List.of(big(5), big(7)))));
      exits.addAll(
          sendChild(
              child,
              me,
              DevnetAssets.CHILD_ERC1155_PREDICATE,
              AssetCalls.withdrawTo1155(childMulti, me, big(1), big(10))));
      exits.addAll(
          sendChild(
              child,
              me,
              f.devnet.contracts().childPredicate(),
              BridgeAbi.withdrawTo(childUsd, me, u(2_345_678))));
      assertThat(exits).hasSize(5);
      assertThat(balance20(child, childUsd, me)).isEqualTo(u(10_000_000));
      assertThat(balance20(root, a.usd6(), me)).isEqualTo(u(50_000_000 - 12_345_678));

      // The first exit with a proof the product builds, sent as raw calldata; then the wallet
      // claims the other four (ERC-721 batch, ERC-1155 batch and single, ERC-20) in one batchExit.
      ProofBuilder proofs = new ProofBuilder(f.db, f.profile.contracts(), f.profile.epochSize());
      ExitProof first = proofFor(f, proofs, exits.get(0));
      TransactionReceipt r0 =
          send(root, me, f.devnet.contracts().exitHelper(), first.exitCalldata());
      assertThat(exitResults(r0)).containsEntry(exits.get(0), true);
      f.keys.importPrivateKey(
          "me", WalletFixture.privateKeyHex(6).toCharArray(), "pw".toCharArray());
      List<BigInteger> rest = exits.subList(1, exits.size());
      Review claim =
          f.whenReady(
              () -> {
                Review rv = f.wallet.exits().prepareClaimAll(me, me);
                for (BigInteger id : rest) {
                  if (!rv.steps().get(0).summary().contains(id.toString())) {
                    throw new WalletException(
                        WalletException.Kind.NOT_READY, "exit " + id + " not checkpointed yet");
                  }
                }
                return rv;
              },
              WAIT);
      assertThat(claim.steps().get(0).call().function()).isEqualTo("batchExit");
      Outcome o = f.wallet.execute(claim, "me", "pw".toCharArray(), Duration.ofSeconds(30));
      assertThat(o.results()).extracting(BridgeEvents.Result::id).containsExactlyElementsOf(rest);
      assertThat(o.results()).allMatch(BridgeEvents.Result::success);
      for (BigInteger id : ids) {
        assertThat(ownerOf(root, a.nft(), id)).isEqualTo(me);
      }
      assertThat(balance1155(root, a.multi(), me, 1)).isEqualTo(big(100));
      assertThat(balance1155(root, a.multi(), me, 2)).isEqualTo(big(50));
      assertThat(balance20(root, a.usd6(), me)).isEqualTo(u(50_000_000 - 10_000_000));

      // The index: every payload typed, mappings tie tokens, the stray message kept as unknown.
      f.indexer.catchUp();
      List<AssetMessage> in = page(f, Direction.TO_CHILD);
      assertThat(in)
          .extracting(m -> m.payload().kind())
          .contains(AssetKind.ERC721, AssetKind.ERC1155, AssetKind.ERC20, AssetKind.UNKNOWN);
      AssetPayload.Unknown unknown =
          in.stream()
              .map(AssetMessage::payload)
              .filter(AssetPayload.Unknown.class::isInstance)
              .map(AssetPayload.Unknown.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(unknown.predicate()).isEmpty();
      List<AssetMessage> out = page(f, Direction.TO_ROOT);
      assertThat(out)
          .filteredOn(m -> m.payload() instanceof AssetPayload.Transfer t && t.action().isBatch())
          .hasSize(2);
      Optional<TokenMapping> nftMap =
          f.db.read(c -> new TokenDao(c).mappingOf(AssetPredicate.CHILD_ERC721, a.nft()));
      assertThat(nftMap.orElseThrow().mirrorToken()).isEqualTo(childNft);
      Optional<TokenMapping> usdMap =
          f.db.read(c -> new TokenDao(c).mappingOf(AssetPredicate.CHILD_ERC20, a.usd6()));
      assertThat(usdMap.orElseThrow().mirrorToken()).isEqualTo(childUsd);

      // Token metadata from the contracts: the 6-decimals token shows its own scale.
      TokenMetadataReader meta =
          new TokenMetadataReader(
              Map.of(
                  ChainRole.ROOT,
                  io.bridgescope.core.chain.ChainReader.of(
                      "root", f.profile.chain(ChainRole.ROOT).rpcUrls()),
                  ChainRole.CHILD,
                  io.bridgescope.core.chain.ChainReader.of(
                      "child", f.profile.chain(ChainRole.CHILD).rpcUrls())),
              f.db,
              f.writer,
              Clock.systemUTC());
      TokenMetadata usd = meta.get(ChainRole.ROOT, a.usd6());
      assertThat(usd.decimals()).hasValue(6);
      assertThat(TokenAmounts.format(u(12_345_678), Optional.of(usd))).isEqualTo("12.345678 BUSD");
      TokenMetadata nft = meta.get(ChainRole.CHILD, childNft);
      assertThat(nft.symbol()).contains("BSK");
      assertThat(nft.decimals()).isEmpty();
    }
  }

  private static ExitProof proofFor(WalletFixture f, ProofBuilder proofs, BigInteger id) {
    AtomicReference<ExitProof> p = new AtomicReference<>();
    Awaitility.await("a checkpoint covering exit " + id)
        .atMost(WAIT)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              f.indexer.catchUp();
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

  private static List<AssetMessage> page(WalletFixture f, Direction d) {
    return f.db.read(
        c -> new AssetDao(c).page(d, Optional.empty(), Optional.empty(), Optional.empty(), 500));
  }

  private static Map<BigInteger, Boolean> exitResults(TransactionReceipt r) {
    Map<BigInteger, Boolean> m = new java.util.HashMap<>();
    for (Log l : r.getLogs()) {
      if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.EXIT_PROCESSED)) {
        BridgeEvents.Result res = BridgeEvents.result(l);
        m.put(res.id(), res.success());
      }
    }
    return m;
  }

  static TransactionReceipt send(ChainClient c, Address from, Address to, byte[] data) {
    TransactionReceipt r =
        c.awaitReceipt(c.sendUnlocked(from, to, data, null, null), Duration.ofSeconds(30));
    assertThat(r.isStatusOK()).as("transaction to " + to + " on " + c.label()).isTrue();
    return r;
  }

  /** Sends on the child and returns the exit ids its L2StateSynced events got. */
  static List<BigInteger> sendChild(ChainClient c, Address from, Address to, byte[] data) {
    List<BigInteger> ids = new ArrayList<>();
    for (Log l : send(c, from, to, data).getLogs()) {
      if (Hash32.of(l.getTopics().get(0)).equals(BridgeEvents.L2_STATE_SYNCED)) {
        ids.add(BridgeEvents.stateSync(l).id());
      }
    }
    return ids;
  }

  static Address mapped(ChainClient root, Address predicate, Address token) {
    return new AbiReader(
            root.call(predicate, Abi.call("rootTokenToChildToken(address)", addr(token))))
        .address("rootTokenToChildToken", 0);
  }

  static Address ownerOf(ChainClient c, Address token, BigInteger id) {
    try {
      byte[] r = c.call(token, AssetCalls.ownerOf(id));
      return r.length == 0 ? Address.ZERO : new AbiReader(r).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // not minted (yet)
    }
  }

  static BigInteger balance1155(ChainClient c, Address token, Address who, long id) {
    byte[] r = c.call(token, AssetCalls.balanceOf1155(who, big(id)));
    return r.length == 0 ? BigInteger.ZERO : new BigInteger(1, r);
  }

  static BigInteger balance20(ChainClient c, Address token, Address who) {
    byte[] r = c.call(token, BridgeAbi.balanceOf(who));
    return r.length == 0 ? BigInteger.ZERO : new BigInteger(1, r);
  }

  static byte[] mint1155(Address to, long id, long amount) {
    return Abi.call("mint(address,uint256,uint256)", addr(to), w(id), w(amount));
  }

  static AbiValue addr(Address a) {
    return AbiValue.address(a);
  }

  static AbiValue w(long v) {
    return AbiValue.uint(v);
  }

  static BigInteger u(long v) {
    return BigInteger.valueOf(v);
  }

  static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
