package io.bridgescope.core.wallet;

import static io.bridgescope.core.wallet.AirGapFixture.AMOUNT;
import static io.bridgescope.core.wallet.AirGapFixture.ROOT_PREDICATE;
import static io.bridgescope.core.wallet.AirGapFixture.ROOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.Bytes;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An approval exported alone for an offline signer ({@code tx export-deposit} before the deposit
 * can be simulated): the file carries the deposit it is for, unsigned, as {@code approvalFor}; the
 * signer judges the approval by it and shows it decoded; a file whose deposit does not match, or
 * has none, or a damaged {@code approvalFor}, is refused.
 */
class ApprovalFileTest {

  @TempDir Path dir;
  final Address alice = Address.ofLow(0xa11ce);
  final SigningPolicy policy = new SigningPolicy(AirGapFixture.profile(), SigningLimits.DEFAULT);

  private UnsignedTx approve(BigInteger amount) {
    return AirGapFixture.approveTx(alice, amount);
  }

  private SigningPolicy.Companion deposit(BigInteger amount) {
    return new SigningPolicy.Companion(
        ROOT_PREDICATE, Bytes.of(BridgeAbi.depositTo(ROOT_TOKEN, alice, amount)));
  }

  /** The file as the signer reads it, with the labels the policy derives from its bytes. */
  private TxFiles.Unsigned written(
      String name, UnsignedTx tx, List<SigningPolicy.Companion> approvalFor) {
    UnsignedTx labelled = policy.inspectPlanned(tx, IndexSnapshot.NONE, approvalFor).tx();
    Path f = dir.resolve(name);
    TxFiles.writeUnsigned("devnet", labelled, IndexSnapshot.NONE, approvalFor, f);
    return TxFiles.readUnsigned(f);
  }

  @Test
  void anApprovalFileWithItsDepositIsSignableAndShowsTheDepositDecoded() {
    TxFiles.Unsigned u = written("a.json", approve(AMOUNT), List.of(deposit(AMOUNT)));
    assertThat(u.approvalFor()).containsExactly(deposit(AMOUNT));

    Inspection i = policy.inspectFile(u);
    assertThat(i.problems()).isEmpty();
    assertThat(String.join("\n", i.describe()))
        .contains("approval for: RootERC20Predicate.depositTo(rootToken=" + ROOT_TOKEN)
        .contains("receiver=" + alice)
        .contains("(not signed here)");
  }

  @Test
  void anApprovalWhoseDepositIsMissingOrOfAnotherAmountIsRefused() {
    TxFiles.Unsigned none = written("none.json", approve(AMOUNT), List.of());
    assertThat(policy.inspectFile(none).fields()).containsExactly("data");

    // the file is edited after export: its deposit no longer matches the approval
    TxFiles.Unsigned bigger =
        written("bigger.json", approve(AMOUNT), List.of(deposit(AMOUNT.add(BigInteger.ONE))));
    assertThat(policy.inspectFile(bigger).fields()).containsExactly("data");

    // an unlimited approval is never a deposit's exact amount
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    TxFiles.Unsigned unlimited = written("max.json", approve(max), List.of(deposit(AMOUNT)));
    assertThat(policy.inspectFile(unlimited).fields()).containsExactly("data");
  }

  @Test
  void theSignedApprovalIsJudgedByTheDepositsOfItsReviewedExport() {
    UnsignedTx labelled =
        policy.inspectPlanned(approve(AMOUNT), IndexSnapshot.NONE, List.of(deposit(AMOUNT))).tx();
    assertThat(
            policy.inspectSigned(labelled, IndexSnapshot.NONE, List.of(deposit(AMOUNT))).problems())
        .isEmpty();
    assertThat(policy.inspectSigned(labelled, IndexSnapshot.NONE).fields()).containsExactly("data");
  }

  @Test
  void aDamagedApprovalForIsRefusedNamingTheEntry() throws Exception {
    TxFiles.Unsigned u = written("ok.json", approve(AMOUNT), List.of(deposit(AMOUNT)));
    Path f = dir.resolve("ok.json");
    String text = Files.readString(f);

    Path badTo = dir.resolve("bad-to.json");
    Files.writeString(badTo, text.replace("\"to\" : \"" + ROOT_PREDICATE, "\"to\" : \"0x12"));
    assertThatThrownBy(() -> TxFiles.readUnsigned(badTo))
        .isInstanceOf(WalletException.class)
        .hasMessageContaining("bad-to.json")
        .hasMessageContaining("approvalFor[0]");

    Path notArray = dir.resolve("not-array.json");
    Files.writeString(
        notArray, text.replaceFirst("\"approvalFor\" : \\[", "\"approvalFor\" : 7, \"x\" : ["));
    assertThatThrownBy(() -> TxFiles.readUnsigned(notArray)).hasMessageContaining("approvalFor");

    String entry = "{\"to\" : \"" + ROOT_PREDICATE + "\", \"data\" : \"0x\"}";
    Path many = dir.resolve("many.json");
    Files.writeString(
        many,
        text.replaceFirst(
            "\"approvalFor\" : \\[",
            "\"approvalFor\" : [" + (entry + ", ").repeat(TxFiles.MAX_APPROVAL_FOR)));
    assertThatThrownBy(() -> TxFiles.readUnsigned(many))
        .hasMessageContaining("at most " + TxFiles.MAX_APPROVAL_FOR);
    assertThat(u.approvalFor()).hasSize(1);
  }
}
