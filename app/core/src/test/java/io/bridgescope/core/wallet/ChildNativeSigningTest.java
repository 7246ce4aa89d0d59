package io.bridgescope.core.wallet;

import static io.bridgescope.core.wallet.AirGapFixture.AMOUNT;
import static io.bridgescope.core.wallet.AirGapFixture.ROOT_PREDICATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A child-native ERC-20 deposited from the child: {@code depositTo} on Edge's
 * RootMintableERC20Predicate (0x…1009) on the child, and its {@code approve} on the child. The
 * signer tells the call from the root's {@code depositTo} (same selector) by its target and chain,
 * and approves only that predicate, on that chain, for the exact amount of the deposit.
 */
class ChildNativeSigningTest {

  static final long ROOT_ID = 31337;
  static final long CHILD_ID = 31338;
  static final Address MINTABLE = AssetPredicate.ROOT_MINTABLE_ERC20.edgeAddress();
  static final Address TOKEN = Address.ofLow(0xc0ffee);

  final Address alice = Address.ofLow(0xa11ce);
  final SigningPolicy policy = new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);

  /** A transaction of alice on the chain with {@code chainId}. */
  UnsignedTx tx(long chainId, Address to, byte[] data, TxPurpose purpose) {
    return new UnsignedTx(
        chainId == CHILD_ID ? ChainRole.CHILD : ChainRole.ROOT,
        chainId,
        alice,
        4,
        to,
        Bytes.of(data),
        BigInteger.ZERO,
        120_000,
        Fees.legacy(SigningLimits.gwei(2)),
        purpose,
        Optional.empty(),
        "x");
  }

  private UnsignedTx deposit(long chainId, Address to) {
    return tx(chainId, to, BridgeAbi.depositTo(TOKEN, alice, AMOUNT), TxPurpose.DEPOSIT);
  }

  private UnsignedTx approve(long chainId, Address spender, BigInteger amount) {
    return tx(chainId, TOKEN, BridgeAbi.approve(spender, amount), TxPurpose.APPROVE);
  }

  private static SigningPolicy.Companion companion(UnsignedTx t) {
    return new SigningPolicy.Companion(t.to(), t.data());
  }

  @Test
  void aDepositToTheMintablePredicateOnTheChildIsKnownAndSaysWhereItGoes() {
    Inspection i =
        policy.inspectPlanned(deposit(CHILD_ID, MINTABLE), IndexSnapshot.NONE, List.of());
    assertThat(i.problems()).isEmpty();
    assertThat(i.call().contractName()).isEqualTo("RootMintableERC20Predicate");
    assertThat(i.tx().chain()).isEqualTo(ChainRole.CHILD);
    assertThat(i.tx().purpose()).isEqualTo(TxPurpose.DEPOSIT);
    assertThat(i.tx().summary()).contains("child-native token " + TOKEN).contains("on the root");
    assertThat(String.join("\n", i.describe())).contains("childNativeToken=" + TOKEN);
  }

  @Test
  void theSameBytesOnTheWrongChainOrToTheRootPredicateAreNotThisCall() {
    // to 0x…1009 but signed for the root chain: the chain id names the problem
    assertThat(
            policy
                .inspectPlanned(deposit(ROOT_ID, MINTABLE), IndexSnapshot.NONE, List.of())
                .fields())
        .contains("chainId");
    // to the root's RootERC20Predicate: still the root deposit it always was
    Inspection root =
        policy.inspectPlanned(deposit(ROOT_ID, ROOT_PREDICATE), IndexSnapshot.NONE, List.of());
    assertThat(root.problems()).isEmpty();
    assertThat(root.call().contractName()).isEqualTo("RootERC20Predicate");
  }

  @Test
  void anApproveOnTheChildPassesOnlyForTheMintablePredicateAndItsDepositsExactAmount() {
    UnsignedTx dep = deposit(CHILD_ID, MINTABLE);
    assertThat(
            policy
                .inspectPlanned(
                    approve(CHILD_ID, MINTABLE, AMOUNT),
                    IndexSnapshot.NONE,
                    List.of(companion(dep)))
                .problems())
        .isEmpty();
    // another amount, no deposit, or the root predicate as spender on the child: refused
    assertThat(
            policy
                .inspectPlanned(
                    approve(CHILD_ID, MINTABLE, AMOUNT.add(BigInteger.ONE)),
                    IndexSnapshot.NONE,
                    List.of(companion(dep)))
                .fields())
        .containsExactly("data");
    assertThat(
            policy
                .inspectPlanned(approve(CHILD_ID, MINTABLE, AMOUNT), IndexSnapshot.NONE, List.of())
                .fields())
        .containsExactly("data");
    Inspection wrongSpender =
        policy.inspectPlanned(
            approve(CHILD_ID, ROOT_PREDICATE, AMOUNT),
            IndexSnapshot.NONE,
            List.of(companion(deposit(ROOT_ID, ROOT_PREDICATE))));
    assertThat(wrongSpender.fields()).containsExactly("data");
    assertThat(wrongSpender.problems().get(0).message())
        .contains("on the child chain")
        .contains("RootMintableERC20Predicate (" + MINTABLE + ")");
    // on the root, the mintable predicate is no spender the wallet approves
    assertThat(
            policy
                .inspectPlanned(
                    approve(ROOT_ID, MINTABLE, AMOUNT), IndexSnapshot.NONE, List.of(companion(dep)))
                .fields())
        .containsExactly("data");
  }

  @Test
  void mapTokenIsKnownOnlyToTheMintablePredicateOnTheChild() {
    byte[] map = io.bridgescope.core.abi.Abi.call("mapToken(address)", addr(TOKEN));
    Inspection ok =
        policy.inspectPlanned(
            tx(CHILD_ID, MINTABLE, map, TxPurpose.OTHER), IndexSnapshot.NONE, List.of());
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.call().contractName()).isEqualTo("RootMintableERC20Predicate");
    assertThat(ok.call().function()).isEqualTo("mapToken");
    assertThat(ok.tx().summary()).contains("map child-native token " + TOKEN);
    assertThat(String.join("\n", ok.describe())).contains("childNativeToken=" + TOKEN);
    // the same bytes to another contract (the root's RootERC20Predicate has a mapToken too), on
    // the root chain, with value, or with a trailing byte: refused, naming the field
    assertThat(
            policy
                .inspectPlanned(
                    tx(CHILD_ID, ROOT_PREDICATE, map, TxPurpose.OTHER),
                    IndexSnapshot.NONE,
                    List.of())
                .fields())
        .contains("to");
    assertThat(
            policy
                .inspectPlanned(
                    tx(ROOT_ID, MINTABLE, map, TxPurpose.OTHER), IndexSnapshot.NONE, List.of())
                .fields())
        .contains("chainId");
    byte[] longer = java.util.Arrays.copyOf(map, map.length + 1);
    assertThat(
            policy
                .inspectPlanned(
                    tx(CHILD_ID, MINTABLE, longer, TxPurpose.OTHER), IndexSnapshot.NONE, List.of())
                .fields())
        .contains("data");
  }

  private static io.bridgescope.core.abi.AbiValue addr(Address a) {
    return io.bridgescope.core.abi.AbiValue.address(a);
  }
}
