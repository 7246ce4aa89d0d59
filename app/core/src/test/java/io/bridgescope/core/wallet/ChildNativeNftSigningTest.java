package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Child-native NFTs deposited from the child: {@code depositTo} / {@code depositBatch} on Edge's
 * RootMintableERC721Predicate (0x…100a) and RootMintableERC1155Predicate (0x…100b) on the child,
 * their {@code mapToken}, and the {@code setApprovalForAll} they need on the child. The signer
 * tells them from the root predicates' calls (same selectors) by their target and chain, and makes
 * only those predicates operators, on the child, together with a deposit of that token.
 */
class ChildNativeNftSigningTest {

  static final long ROOT_ID = ChildNativeSigningTest.ROOT_ID;
  static final long CHILD_ID = ChildNativeSigningTest.CHILD_ID;
  static final Address NFT_PREDICATE = AssetPredicate.ROOT_MINTABLE_ERC721.edgeAddress();
  static final Address MULTI_PREDICATE = AssetPredicate.ROOT_MINTABLE_ERC1155.edgeAddress();
  static final Address TOKEN = Address.ofLow(0xc0ffee);
  static final BigInteger SEVEN = BigInteger.valueOf(7);

  final Address alice = new ChildNativeSigningTest().alice;
  final SigningPolicy policy = new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);

  private UnsignedTx tx(long chainId, Address to, byte[] data, TxPurpose purpose) {
    return new ChildNativeSigningTest().tx(chainId, to, data, purpose);
  }

  private Inspection inspect(UnsignedTx t, UnsignedTx... with) {
    return policy.inspectPlanned(
        t,
        IndexSnapshot.NONE,
        java.util.Arrays.stream(with)
            .map(w -> new SigningPolicy.Companion(w.to(), w.data()))
            .toList());
  }

  @Test
  void depositsToTheMintableNftPredicatesOnTheChildAreKnownAndSayTheyGoToTheRoot() {
    Inspection single =
        inspect(
            tx(
                CHILD_ID,
                NFT_PREDICATE,
                AssetCalls.depositTo721(TOKEN, alice, SEVEN),
                TxPurpose.DEPOSIT));
    assertThat(single.problems()).isEmpty();
    assertThat(single.call().contractName()).isEqualTo("RootMintableERC721Predicate");
    assertThat(single.tx().summary()).contains("ERC-721 id [7]").contains("on the root");
    assertThat(String.join("\n", single.describe())).contains("childNativeToken=" + TOKEN);
    Inspection batch =
        inspect(
            tx(
                CHILD_ID,
                MULTI_PREDICATE,
                AssetCalls.depositBatch1155(
                    TOKEN,
                    List.of(alice, alice),
                    List.of(SEVEN, BigInteger.ONE),
                    List.of(BigInteger.TEN, BigInteger.TWO)),
                TxPurpose.DEPOSIT));
    assertThat(batch.problems()).isEmpty();
    assertThat(batch.call().contractName()).isEqualTo("RootMintableERC1155Predicate");
    assertThat(batch.tx().summary()).contains("id 7 × 10, id 1 × 2").contains("on the root");
  }

  @Test
  void theSameBytesOnTheRootChainOrToAnotherPredicateAreNotThisCall() {
    byte[] dep = AssetCalls.depositTo721(TOKEN, alice, SEVEN);
    // to 0x…100a but for the root chain: the chain id names the problem
    assertThat(inspect(tx(ROOT_ID, NFT_PREDICATE, dep, TxPurpose.DEPOSIT)).fields())
        .contains("chainId");
    // an ERC-1155 batch sent to the ERC-721 predicate is no call the signer knows there
    byte[] batch =
        AssetCalls.depositBatch1155(TOKEN, List.of(alice), List.of(SEVEN), List.of(BigInteger.TEN));
    assertThat(inspect(tx(CHILD_ID, NFT_PREDICATE, batch, TxPurpose.DEPOSIT)).problems())
        .isNotEmpty();
  }

  @Test
  void mapTokenIsKnownToEachMintablePredicateOnTheChild() {
    byte[] map = MapTokenCall.encode(TOKEN);
    for (Address p : List.of(NFT_PREDICATE, MULTI_PREDICATE)) {
      Inspection ok = inspect(tx(CHILD_ID, p, map, TxPurpose.OTHER));
      assertThat(ok.problems()).as("%s", p).isEmpty();
      assertThat(ok.call().function()).isEqualTo("mapToken");
      assertThat(inspect(tx(ROOT_ID, p, map, TxPurpose.OTHER)).fields()).contains("chainId");
    }
  }

  @Test
  void setApprovalForAllOnTheChildPassesOnlyForTheMintablePredicateWithItsDeposit() {
    UnsignedTx dep =
        tx(
            CHILD_ID,
            NFT_PREDICATE,
            AssetCalls.depositTo721(TOKEN, alice, SEVEN),
            TxPurpose.DEPOSIT);
    UnsignedTx approve =
        tx(CHILD_ID, TOKEN, AssetCalls.setApprovalForAll(NFT_PREDICATE, true), TxPurpose.APPROVE);
    assertThat(inspect(approve, dep).problems()).isEmpty();
    // without the deposit, revoking, or another operator on the child: refused
    assertThat(inspect(approve).fields()).containsExactly("data");
    assertThat(
            inspect(
                    tx(
                        CHILD_ID,
                        TOKEN,
                        AssetCalls.setApprovalForAll(NFT_PREDICATE, false),
                        TxPurpose.APPROVE),
                    dep)
                .fields())
        .containsExactly("data");
    Inspection other =
        inspect(
            tx(
                CHILD_ID,
                TOKEN,
                AssetCalls.setApprovalForAll(Address.ofLow(0xbad), true),
                TxPurpose.APPROVE),
            dep);
    assertThat(other.fields()).containsExactly("data");
    assertThat(other.problems().get(0).message()).contains("on the child chain");
    // the child's mintable predicate is no operator the wallet makes on the root
    assertThat(
            inspect(
                    tx(
                        ROOT_ID,
                        TOKEN,
                        AssetCalls.setApprovalForAll(NFT_PREDICATE, true),
                        TxPurpose.APPROVE),
                    dep)
                .fields())
        .containsExactly("data");
  }
}
