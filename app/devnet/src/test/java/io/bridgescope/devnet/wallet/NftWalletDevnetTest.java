package io.bridgescope.devnet.wallet;

import static io.bridgescope.devnet.wallet.AssetKindsDevnetTest.balance1155;
import static io.bridgescope.devnet.wallet.AssetKindsDevnetTest.big;
import static io.bridgescope.devnet.wallet.AssetKindsDevnetTest.mapped;
import static io.bridgescope.devnet.wallet.AssetKindsDevnetTest.ownerOf;
import static io.bridgescope.devnet.wallet.AssetKindsDevnetTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.NftPlanner.Items;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.Step;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.devnet.DevnetAssets;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet moves ERC-721 and ERC-1155 both ways on the devnet, through its own reviews and
 * signer: deposits (one id and a batch of each kind, with setApprovalForAll only the first time)
 * are committed and executed, so the child owner and balances change; withdrawals of each kind are
 * checkpointed and claimed, one with {@code exit} and the rest, mixed with an ERC-20 withdrawal, in
 * one {@code exit --all} batchExit, so the root owner and balances change back. The preflight
 * refuses ids the sender does not own and ERC-1155 amounts it does not hold.
 */
@Tag("devnet")
class NftWalletDevnetTest {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final Duration TX = Duration.ofSeconds(30);
  static final char[] PW = "pw".toCharArray();

  @TempDir Path work;

  @Test
  void everyNftKindThereAndBackThroughTheWallet() {
    try (WalletFixture f = new WalletFixture(work, false)) {
      ChainClient root = f.devnet.root();
      ChainClient child = f.devnet.child();
      DevnetAssets a = f.devnet.assets();
      Address owner = f.account(0);
      Address me = f.account(6);
      f.keys.importPrivateKey(
          "me", WalletFixture.privateKeyHex(6).toCharArray(), "pw".toCharArray());
      List<BigInteger> ids = List.of(big(7001), big(7002), big(7003));
      for (BigInteger id : ids) {
        send(
            root,
            owner,
            a.nft(),
            Abi.call("mint(address,uint256)", AbiValue.address(me), AbiValue.uint(id)));
      }
      send(root, owner, a.multi(), mint1155(me, 71, 100));
      send(root, owner, a.multi(), mint1155(me, 72, 40));
      f.mintRootTokens(me, WalletFixture.ETHER.multiply(big(10)));

      // Preflight: typed, plain refusals before anything is signed.
      assertThatThrownBy(
              () ->
                  f.wallet
                      .nfts()
                      .prepareDeposit(me, a.nft(), me, Items.erc721(List.of(big(7999))), false))
          .isInstanceOfSatisfying(
              WalletException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(WalletException.Kind.INSUFFICIENT_FUNDS);
                assertThat(e.getMessage()).contains("id 7999").contains("does not exist");
              });
      assertThatThrownBy(
              () ->
                  f.wallet
                      .nfts()
                      .prepareDeposit(
                          owner, a.nft(), owner, Items.erc721(List.of(ids.get(0))), false))
          .isInstanceOfSatisfying(
              WalletException.class, e -> assertThat(e.getMessage()).contains("is owned by " + me));
      assertThatThrownBy(
              () ->
                  f.wallet
                      .nfts()
                      .prepareDeposit(
                          me,
                          a.multi(),
                          me,
                          Items.erc1155(List.of(big(71), big(72)), List.of(big(10), big(41))),
                          false))
          .isInstanceOfSatisfying(
              WalletException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(WalletException.Kind.INSUFFICIENT_FUNDS);
                assertThat(e.getMessage()).contains("holds 40 of ERC-1155 id 72");
              });

      // Deposits: the first of each token approves the predicate, the second finds it approved.
      Review nft1 =
          f.wallet.nfts().prepareDeposit(me, a.nft(), me, Items.erc721(ids.subList(0, 1)), false);
      assertThat(nft1.steps())
          .extracting(Step::purpose)
          .containsExactly(TxPurpose.APPROVE, TxPurpose.DEPOSIT);
      assertThat(nft1.steps().get(0).call().render())
          .contains("setApprovalForAll(operator=" + a.rootErc721Predicate() + ", approved=true)");
      assertThat(nft1.steps().get(1).call().render())
          .contains("RootERC721Predicate")
          .contains("tokenId=7001");
      execute(f, nft1);
      Review nftBatch =
          f.wallet.nfts().prepareDeposit(me, a.nft(), me, Items.erc721(ids.subList(1, 3)), false);
      assertThat(nftBatch.steps()).extracting(Step::purpose).containsExactly(TxPurpose.DEPOSIT);
      assertThat(nftBatch.steps().get(0).call().function()).isEqualTo("depositBatch");
      assertThat(nftBatch.checks()).anyMatch(c -> c.contains("already an operator"));
      execute(f, nftBatch);
      Review multi1 =
          f.wallet
              .nfts()
              .prepareDeposit(
                  me, a.multi(), me, Items.erc1155(List.of(big(71)), List.of(big(10))), false);
      assertThat(multi1.steps()).hasSize(2);
      execute(f, multi1);
      Review multiBatch =
          f.wallet
              .nfts()
              .prepareDeposit(
                  me,
                  a.multi(),
                  me,
                  Items.erc1155(List.of(big(71), big(72)), List.of(big(5), big(7))),
                  false);
      assertThat(multiBatch.steps()).hasSize(1);
      assertThat(multiBatch.steps().get(0).call().render())
          .contains("tokenIds=[71, 72]")
          .contains("amounts=[5, 7]");
      execute(f, multiBatch);
      execute(
          f,
          f.wallet
              .bridge()
              .prepareDeposit(
                  me, f.devnet.contracts().rootToken(), me, WalletFixture.ETHER.multiply(big(3))));
      for (BigInteger id : ids) {
        assertThat(ownerOf(root, a.nft(), id)).isEqualTo(a.rootErc721Predicate());
      }
      assertThat(balance1155(root, a.multi(), me, 71)).isEqualTo(big(85));

      Address childNft = mapped(root, a.rootErc721Predicate(), a.nft());
      Address childMulti = mapped(root, a.rootErc1155Predicate(), a.multi());
      f.await(
          () ->
              ids.stream().allMatch(id -> me.equals(ownerOf(child, childNft, id)))
                  && balance1155(child, childMulti, me, 71).equals(big(15))
                  && balance1155(child, childMulti, me, 72).equals(big(7))
                  && f.childTokenBalance(me).compareTo(WalletFixture.ETHER.multiply(big(3))) >= 0,
          WAIT,
          "the wallet's deposits executed on the child");

      // Withdrawals of each kind through the wallet; each returns the exit ids it emitted.
      List<BigInteger> exits = new ArrayList<>();
      Review w721 =
          f.wallet.nfts().prepareWithdraw(me, childNft, me, Items.erc721(ids.subList(0, 1)), false);
      assertThat(w721.steps().get(0).call().contractName()).isEqualTo("ChildERC721Predicate");
      assertThat(w721.checks()).anyMatch(c -> c.contains("owns ERC-721 [7001]"));
      exits.addAll(execute(f, w721).emittedIds());
      exits.addAll(
          execute(
                  f,
                  f.wallet
                      .nfts()
                      .prepareWithdraw(me, childNft, me, Items.erc721(ids.subList(1, 3)), false))
              .emittedIds());
      exits.addAll(
          execute(
                  f,
                  f.wallet
                      .nfts()
                      .prepareWithdraw(
                          me,
                          childMulti,
                          me,
                          Items.erc1155(List.of(big(71)), List.of(big(10))),
                          false))
              .emittedIds());
      exits.addAll(
          execute(
                  f,
                  f.wallet
                      .nfts()
                      .prepareWithdraw(
                          me,
                          childMulti,
                          me,
                          Items.erc1155(List.of(big(71), big(72)), List.of(big(5), big(7))),
                          false))
              .emittedIds());
      exits.addAll(
          execute(
                  f,
                  f.wallet
                      .bridge()
                      .prepareWithdraw(
                          me, f.devnet.contracts().childToken(), me, WalletFixture.ETHER))
              .emittedIds());
      assertThat(exits).hasSize(5);
      assertThat(ownerOf(child, childNft, ids.get(0))).isEqualTo(Address.ZERO);
      assertThat(balance1155(child, childMulti, me, 71)).isZero();
      BigInteger rootErc20Before = f.rootTokenBalance(me);

      // exit: the ERC-721 withdrawal on its own; the review says what it pays out.
      BigInteger first = exits.get(0);
      Review exit = f.whenReady(() -> f.wallet.exits().prepareExit(first, me), WAIT);
      assertThat(exit.steps().get(0).call().render()).contains("ERC-721").contains("7001");
      Outcome o1 = execute(f, exit);
      assertThat(o1.results()).extracting(BridgeEvents.Result::success).containsExactly(true);
      assertThat(ownerOf(root, a.nft(), ids.get(0))).isEqualTo(me);

      // exit --all: the ERC-721 batch, both ERC-1155 withdrawals and the ERC-20 one in one
      // batchExit.
      List<BigInteger> rest = exits.subList(1, exits.size());
      Review all =
          f.whenReady(
              () -> {
                Review rv = f.wallet.exits().prepareClaimAll(me, me);
                String summary = rv.steps().get(0).summary();
                for (BigInteger id : rest) {
                  if (!summary.contains(id.toString())) {
                    throw new WalletException(
                        WalletException.Kind.NOT_READY, "exit " + id + " not checkpointed yet");
                  }
                }
                return rv;
              },
              WAIT);
      String shown =
          all.steps().get(0).call().args().stream()
              .map(x -> x.name() + "=" + x.value())
              .collect(Collectors.joining("\n"));
      assertThat(shown).contains("ERC-721").contains("ERC-1155").contains("withdrawal of ");
      Outcome o2 = execute(f, all);
      assertThat(o2.results()).extracting(BridgeEvents.Result::id).containsExactlyElementsOf(rest);
      assertThat(o2.results()).allMatch(BridgeEvents.Result::success);
      for (BigInteger id : ids) {
        assertThat(ownerOf(root, a.nft(), id)).isEqualTo(me);
      }
      assertThat(balance1155(root, a.multi(), me, 71)).isEqualTo(big(100));
      assertThat(balance1155(root, a.multi(), me, 72)).isEqualTo(big(40));
      assertThat(f.rootTokenBalance(me)).isEqualTo(rootErc20Before.add(WalletFixture.ETHER));
    }
  }

  private static Outcome execute(WalletFixture f, Review r) {
    return f.wallet.execute(r, "me", PW.clone(), TX);
  }

  private static byte[] mint1155(Address to, long id, long amount) {
    return AssetKindsDevnetTest.mint1155(to, id, amount);
  }
}
