package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Root mirrors of child-native tokens sent home: {@code withdrawTo} / {@code withdrawBatch} on
 * Edge's ChildMintableERC20/721/1155Predicate on the root. They share their selectors with the
 * child predicates' withdrawals, so the signer knows them only by their target, which only the
 * profile names: the same bytes to another address, on the child, or with a profile that names no
 * such predicate are refused.
 */
class RootMirrorWithdrawSigningTest {

  static final long ROOT_ID = ChildNativeSigningTest.ROOT_ID;
  static final long CHILD_ID = ChildNativeSigningTest.CHILD_ID;
  static final Address ERC20_HOME = Address.ofLow(0x20ee);
  static final Address ERC721_HOME = Address.ofLow(0x721e);
  static final Address ERC1155_HOME = Address.ofLow(0x1155e);
  static final Address MIRROR = Address.ofLow(0x3a3a);
  static final BigInteger SEVEN = BigInteger.valueOf(7);

  final Address alice = new ChildNativeSigningTest().alice;

  static NetworkProfile withHomes() {
    return AirGapFixture.profile().toBuilder()
        .contract("childMintableErc20Predicate", ERC20_HOME)
        .contract("childMintableErc721Predicate", ERC721_HOME)
        .contract("childMintableErc1155Predicate", ERC1155_HOME)
        .build();
  }

  final SigningPolicy policy = new SigningPolicy(withHomes(), SigningLimits.DEFAULT);

  private UnsignedTx tx(long chainId, Address to, byte[] data) {
    return new ChildNativeSigningTest().tx(chainId, to, data, TxPurpose.WITHDRAW);
  }

  private Inspection inspect(SigningPolicy p, UnsignedTx t) {
    return p.inspectPlanned(t, IndexSnapshot.NONE, List.of());
  }

  @Test
  void eachKindsWithdrawalToItsRootPredicateIsKnownAndSaysItGoesToTheChild() {
    Inspection erc20 =
        inspect(policy, tx(ROOT_ID, ERC20_HOME, BridgeAbi.withdrawTo(MIRROR, alice, SEVEN)));
    assertThat(erc20.problems()).isEmpty();
    assertThat(erc20.call().contractName()).isEqualTo("ChildMintableERC20Predicate");
    assertThat(erc20.tx().summary()).contains("of root mirror " + MIRROR).contains("on the child");
    assertThat(erc20.tx().purpose()).isEqualTo(TxPurpose.WITHDRAW);
    assertThat(String.join("\n", erc20.describe())).contains("childToken=" + MIRROR);

    Inspection nft =
        inspect(policy, tx(ROOT_ID, ERC721_HOME, AssetCalls.withdrawTo721(MIRROR, alice, SEVEN)));
    assertThat(nft.problems()).isEmpty();
    assertThat(nft.call().contractName()).isEqualTo("ChildMintableERC721Predicate");
    assertThat(nft.tx().summary())
        .contains("ERC-721 id [7] of root mirror")
        .contains("on the child");

    Inspection batch =
        inspect(
            policy,
            tx(
                ROOT_ID,
                ERC1155_HOME,
                AssetCalls.withdrawBatch1155(
                    MIRROR,
                    List.of(alice, alice),
                    List.of(SEVEN, BigInteger.ONE),
                    List.of(BigInteger.TEN, BigInteger.TWO))));
    assertThat(batch.problems()).isEmpty();
    assertThat(batch.call().contractName()).isEqualTo("ChildMintableERC1155Predicate");
    assertThat(batch.tx().summary()).contains("id 7 × 10, id 1 × 2").contains("on the child");
  }

  @Test
  void theSameBytesElsewhereAreNotThisCall() {
    byte[] erc20 = BridgeAbi.withdrawTo(MIRROR, alice, SEVEN);
    // to another root address: read as the child's ERC-20 withdrawal, which is not signed there
    assertThat(inspect(policy, tx(ROOT_ID, Address.ofLow(0xbad), erc20)).problems()).isNotEmpty();
    // to the root predicate's address but with the child's chain id
    assertThat(inspect(policy, tx(CHILD_ID, ERC20_HOME, erc20)).problems()).isNotEmpty();
    // an ERC-1155 withdrawal sent to the ERC-721 home predicate is no call the signer knows there
    byte[] multi = AssetCalls.withdrawTo1155(MIRROR, alice, SEVEN, BigInteger.TEN);
    assertThat(inspect(policy, tx(ROOT_ID, ERC721_HOME, multi)).problems()).isNotEmpty();
  }

  @Test
  void aProfileThatNamesNoSuchPredicateSignsNone() {
    SigningPolicy bare = new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);
    for (Address to : List.of(ERC20_HOME, ERC721_HOME)) {
      Inspection i = inspect(bare, tx(ROOT_ID, to, BridgeAbi.withdrawTo(MIRROR, alice, SEVEN)));
      assertThat(i.problems()).as("%s", to).isNotEmpty();
    }
    Inspection nft =
        inspect(
            bare,
            tx(
                ROOT_ID,
                ERC721_HOME,
                AssetCalls.withdrawBatch721(MIRROR, List.of(alice), List.of(SEVEN))));
    assertThat(nft.problems()).isNotEmpty();
  }
}
