package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The signer's allow-list for ERC-721 and ERC-1155: every predicate call is decoded from its bytes
 * (token, receivers, ids, amounts); {@code setApprovalForAll} passes only for the profile's root
 * predicate with a deposit of the same token signed beside it; a wrong operator or an unknown
 * selector is refused unless the user allows unknown calls.
 */
class NftSigningPolicyTest {

  static final Address ROOT_721 = Address.ofLow(0x7210);
  static final Address ROOT_1155 = Address.ofLow(0x1155);
  static final Address NFT = Address.ofLow(0x7777);
  static final Address MULTI = Address.ofLow(0x8888);
  static final Address CHILD_NFT = Address.ofLow(0x9999);
  static final Address ME = AirGapFixture.USER;
  static final NetworkProfile PROFILE =
      AirGapFixture.profile().toBuilder()
          .rootErc721Predicate(ROOT_721)
          .rootErc1155Predicate(ROOT_1155)
          .build();
  static final SigningPolicy POLICY = new SigningPolicy(PROFILE, SigningLimits.DEFAULT);
  static final SigningPolicy OVERRIDE =
      new SigningPolicy(PROFILE, SigningLimits.DEFAULT.withAllowUnknownCall(true));

  static UnsignedTx tx(ChainRole chain, Address to, byte[] data) {
    return new UnsignedTx(
        chain,
        chain == ChainRole.ROOT ? 31337 : 31338,
        ME,
        3,
        to,
        Bytes.of(data),
        BigInteger.ZERO,
        200_000,
        new Fees(true, SigningLimits.gwei(30), SigningLimits.gwei(2)),
        TxPurpose.OTHER,
        Optional.empty(),
        "");
  }

  static List<BigInteger> ids(long... v) {
    return Arrays.stream(v).mapToObj(BigInteger::valueOf).toList();
  }

  static Inspection approval(SigningPolicy p, Address token, Address operator, byte[] deposit) {
    return p.inspectPlanned(
        tx(ChainRole.ROOT, token, AssetCalls.setApprovalForAll(operator, true)),
        IndexSnapshot.NONE,
        List.of(new SigningPolicy.Companion(operator, Bytes.of(deposit))));
  }

  @Test
  void anNftDepositAndItsApprovalAreSignedAndShownFromTheirBytes() {
    byte[] deposit = AssetCalls.depositBatch721(NFT, List.of(ME, ME), ids(3, 9));
    Inspection d =
        POLICY.inspectPlanned(tx(ChainRole.ROOT, ROOT_721, deposit), IndexSnapshot.NONE, List.of());
    assertThat(d.problems()).isEmpty();
    assertThat(d.tx().purpose()).isEqualTo(TxPurpose.DEPOSIT);
    assertThat(d.call().contractName()).isEqualTo("RootERC721Predicate");
    assertThat(d.call().render())
        .contains("rootToken=" + NFT)
        .contains("receivers=[" + ME + ", " + ME + "]")
        .contains("tokenIds=[3, 9]");
    assertThat(d.tx().summary())
        .isEqualTo("deposit ERC-721 ids [3, 9] of " + NFT + " to " + ME + " on the child");

    Inspection a = approval(POLICY, NFT, ROOT_721, deposit);
    assertThat(a.problems()).isEmpty();
    assertThat(a.tx().purpose()).isEqualTo(TxPurpose.APPROVE);
    assertThat(String.join("\n", a.lines()))
        .contains("operator=" + ROOT_721)
        .contains("approved=true")
        .contains("(the token)");
  }

  @Test
  void aSingleErc721DepositToItsPredicateShowsAnIdNotAnAmount() {
    byte[] data = AssetCalls.depositTo721(NFT, ME, BigInteger.valueOf(42));
    Inspection i =
        POLICY.inspectPlanned(tx(ChainRole.ROOT, ROOT_721, data), IndexSnapshot.NONE, List.of());
    assertThat(i.problems()).isEmpty();
    assertThat(i.call().render()).contains("tokenId=42").doesNotContain("decimals");
    // the same bytes to the ERC-20 predicate are an ERC-20 deposit of 42 wei
    Inspection erc20 =
        POLICY.inspectPlanned(
            tx(ChainRole.ROOT, AirGapFixture.ROOT_PREDICATE, data), IndexSnapshot.NONE, List.of());
    assertThat(erc20.call().contractName()).isEqualTo("RootERC20Predicate");
    assertThat(erc20.call().render()).contains("at 18 decimals");
  }

  @Test
  void erc1155CallsShowEveryIdWithItsAmount() {
    byte[] w = AssetCalls.withdrawBatch1155(CHILD_NFT, List.of(ME, ME), ids(1, 2), ids(5, 7));
    Inspection i =
        POLICY.inspectPlanned(
            tx(ChainRole.CHILD, AssetPredicate.CHILD_ERC1155.edgeAddress(), w),
            IndexSnapshot.NONE,
            List.of());
    assertThat(i.problems()).isEmpty();
    assertThat(i.tx().purpose()).isEqualTo(TxPurpose.WITHDRAW);
    assertThat(i.call().render()).contains("tokenIds=[1, 2]").contains("amounts=[5, 7]");
    assertThat(i.tx().summary())
        .isEqualTo(
            "withdraw ERC-1155 id 1 × 5, id 2 × 7 of child token " + CHILD_NFT + " to " + ME);
    byte[] d = AssetCalls.depositTo1155(MULTI, ME, BigInteger.ONE, BigInteger.TEN);
    Inspection dep =
        POLICY.inspectPlanned(tx(ChainRole.ROOT, ROOT_1155, d), IndexSnapshot.NONE, List.of());
    assertThat(dep.problems()).isEmpty();
    assertThat(dep.call().render()).contains("tokenId=1").contains("amount=10");
  }

  @Test
  void anNftCallToAnotherContractIsRefused() {
    byte[] d = AssetCalls.depositBatch1155(MULTI, List.of(ME), ids(1), ids(1));
    Inspection i =
        POLICY.inspectPlanned(tx(ChainRole.ROOT, ROOT_721, d), IndexSnapshot.NONE, List.of());
    assertThat(i.signable()).isFalse();
    assertThat(i.fields()).contains("to");
    Inspection w =
        POLICY.inspectPlanned(
            tx(
                ChainRole.CHILD,
                Address.ofLow(0xbad),
                AssetCalls.withdrawBatch721(CHILD_NFT, List.of(ME), ids(1))),
            IndexSnapshot.NONE,
            List.of());
    assertThat(w.fields()).contains("to");
  }

  @Test
  void aProfileWithoutNftPredicatesSignsNoNftDeposit() {
    SigningPolicy bare = new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);
    byte[] d = AssetCalls.depositBatch721(NFT, List.of(ME), ids(1));
    Inspection i =
        bare.inspectPlanned(tx(ChainRole.ROOT, ROOT_721, d), IndexSnapshot.NONE, List.of());
    assertThat(i.signable()).isFalse();
    assertThat(String.join("\n", i.describe())).contains("names no RootERC721Predicate");
    assertThat(approval(bare, NFT, ROOT_721, d).signable()).isFalse();
  }

  @Test
  void anApprovalWithoutItsDepositOrThatRevokesIsRefused() {
    Inspection alone =
        POLICY.inspectPlanned(
            tx(ChainRole.ROOT, NFT, AssetCalls.setApprovalForAll(ROOT_721, true)),
            IndexSnapshot.NONE,
            List.of());
    assertThat(alone.signable()).isFalse();
    // a deposit of another token does not carry it
    byte[] other = AssetCalls.depositTo721(MULTI, ME, BigInteger.ONE);
    assertThat(approval(POLICY, NFT, ROOT_721, other).signable()).isFalse();
    Inspection revoke =
        POLICY.inspectPlanned(
            tx(ChainRole.ROOT, NFT, AssetCalls.setApprovalForAll(ROOT_721, false)),
            IndexSnapshot.NONE,
            List.of(
                new SigningPolicy.Companion(
                    ROOT_721, Bytes.of(AssetCalls.depositTo721(NFT, ME, BigInteger.ONE)))));
    assertThat(revoke.signable()).isFalse();
  }

  @Test
  void aBatchWhoseArraysDifferInLengthIsRefused() {
    byte[] bad = AssetCalls.depositBatch1155(MULTI, List.of(ME, ME), ids(1, 2), ids(5));
    Inspection i =
        POLICY.inspectPlanned(tx(ChainRole.ROOT, ROOT_1155, bad), IndexSnapshot.NONE, List.of());
    assertThat(i.signable()).isFalse();
    assertThat(String.join("\n", i.describe())).contains("differ in length");
  }

  @Property(tries = 200)
  void anApprovalToAnyOtherOperatorIsRefusedUnlessOverridden(@ForAll("operators") Address op) {
    // even with a deposit to that same operator signed beside it
    byte[] deposit = AssetCalls.depositTo721(NFT, ME, BigInteger.ONE);
    Inspection i = approval(POLICY, NFT, op, deposit);
    assertThat(i.signable()).isFalse();
    assertThat(i.blocking()).anyMatch(p -> p.field().equals("data") && p.waivable());
    assertThat(String.join("\n", i.describe())).contains("operator=" + op);
    Inspection allowed = approval(OVERRIDE, NFT, op, deposit);
    assertThat(allowed.blocking()).noneMatch(p -> p.field().equals("data"));
    assertThat(allowed.waived()).isNotEmpty();
  }

  @Property(tries = 300)
  void anUnknownSelectorIsRefusedUnlessOverridden(
      @ForAll("unknownSelectors") byte[] selector, @ForAll("bodies") byte[] body) {
    byte[] data = new byte[4 + body.length];
    System.arraycopy(selector, 0, data, 0, 4);
    System.arraycopy(body, 0, data, 4, body.length);
    for (Address to : List.of(ROOT_721, ROOT_1155, NFT)) {
      Inspection i =
          POLICY.inspectPlanned(tx(ChainRole.ROOT, to, data), IndexSnapshot.NONE, List.of());
      assertThat(i.signable()).isFalse();
      assertThat(i.call().function()).isEqualTo("unknown call");
      assertThat(
              OVERRIDE
                  .inspectPlanned(tx(ChainRole.ROOT, to, data), IndexSnapshot.NONE, List.of())
                  .signable())
          .isTrue();
    }
  }

  @Provide
  Arbitrary<Address> operators() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(20)
        .map(Address::new)
        .filter(a -> !a.equals(ROOT_721) && !a.equals(ROOT_1155));
  }

  @Provide
  Arbitrary<byte[]> unknownSelectors() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(4)
        .filter(s -> CallDecoder.function(s).isEmpty());
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
  }
}
