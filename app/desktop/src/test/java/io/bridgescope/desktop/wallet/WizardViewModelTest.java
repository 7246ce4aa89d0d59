package io.bridgescope.desktop.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.testing.DirectTaskRunner;
import io.bridgescope.desktop.wallet.WizardViewModel.Signer;
import io.bridgescope.desktop.wallet.WizardViewModel.Step;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WizardViewModelTest {

  private static final Signer ME = new Signer("me", FakeWalletPort.ME);
  private static final BigInteger EIGHT = BigInteger.valueOf(8);

  private final FakeWalletPort port = new FakeWalletPort();

  private static char[] pw(String s) {
    return s.toCharArray();
  }

  private static boolean zeroed(char[] a) {
    for (char c : a) {
      if (c != '\0') {
        return false;
      }
    }
    return true;
  }

  @Test
  void reviewIsShownBeforeAnyPasswordIsAccepted() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(ME, EIGHT);

    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);
    assertThat(vm.lines())
        .extracting(ReviewLine::kind)
        .contains(ReviewLine.Kind.CALL, ReviewLine.Kind.FEE, ReviewLine.Kind.CHECK_PASSED);
    assertThat(vm.lines()).anyMatch(l -> l.text().contains("ExitHelper"));
    assertThat(vm.lines()).anyMatch(l -> l.text().contains("fee at most 0.0004 ETH"));
    char[] early = pw(FakeWalletPort.PASSWORD);
    vm.submit(early);
    assertThat(port.executed).isEmpty();
    assertThat(zeroed(early)).isTrue();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);

    vm.confirmReview();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.PASSWORD);
  }

  @Test
  void nftFormsReadIdsAndAmountsAndSayWhatIsWrongBeforeAnyPreflight() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    String token = "0x00000000000000000000000000000000000000a7";
    vm.startNftDeposit(ME, token);
    assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
    assertThat(vm.titleProperty().get()).startsWith("Deposit NFTs to the child");
    assertThat(vm.receiverProperty().get()).isEqualTo(FakeWalletPort.ME.toString());

    vm.idsProperty().set("7, 7");
    vm.prepare();
    assertThat(vm.errorProperty().get())
        .isEqualTo("Token ids: an ERC-721 id is given twice [7, 7]");
    vm.idsProperty().set("7 x");
    vm.prepare();
    assertThat(vm.errorProperty().get()).startsWith("Token ids: 'x' is not a whole number");
    vm.idsProperty().set("9".repeat(79));
    vm.prepare();
    assertThat(vm.errorProperty().get()).startsWith("Token ids: '99999999999999999999…'");
    vm.idsProperty().set("7");
    vm.amountProperty().set("3");
    vm.prepare();
    assertThat(vm.errorProperty().get()).contains("an ERC-721 id is one token");
    vm.nftKindProperty().set(io.bridgescope.core.asset.AssetKind.ERC1155);
    vm.idsProperty().set("7,8");
    vm.prepare();
    assertThat(vm.errorProperty().get())
        .isEqualTo("Amounts: give one amount per ERC-1155 id (2 ids, 1 amount)");
    vm.amountProperty().set("3 0");
    vm.prepare();
    assertThat(vm.errorProperty().get()).startsWith("Amounts: ").contains("0 is not a positive");
    assertThat(port.prepared).as("nothing reached the wallet").isEmpty();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);

    vm.amountProperty().set("3, 4");
    vm.prepare();
    assertThat(port.prepared).containsExactly("nft deposit [7, 8]");
    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);
    vm.back();
    assertThat(vm.stepProperty().get()).as("back to the form, kept").isEqualTo(Step.FORM);
    assertThat(vm.idsProperty().get()).isEqualTo("7,8");
  }

  @Test
  void passwordIsZeroedAfterTheSend() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(ME, EIGHT);
    vm.confirmReview();
    char[] password = pw(FakeWalletPort.PASSWORD);
    vm.submit(password);

    assertThat(port.executed).containsExactly("exit:8");
    assertThat(zeroed(password)).isTrue();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
    assertThat(vm.lines()).anyMatch(l -> l.text().equals("exit 8 processed"));
  }

  @Test
  void doubleClickWhileSendingSendsOnce() {
    QueuedTaskRunner tasks = new QueuedTaskRunner();
    WizardViewModel vm = new WizardViewModel(port, tasks);
    vm.startExit(ME, EIGHT);
    tasks.runAll();
    vm.confirmReview();
    char[] first = pw(FakeWalletPort.PASSWORD);
    char[] second = pw(FakeWalletPort.PASSWORD);
    vm.submit(first);
    vm.submit(second);

    assertThat(vm.stepProperty().get()).isEqualTo(Step.SENDING);
    assertThat(tasks.pending()).isEqualTo(1);
    assertThat(zeroed(second)).isTrue();
    tasks.runAll();
    assertThat(port.executed).containsExactly("exit:8");
    assertThat(zeroed(first)).isTrue();
  }

  @Test
  void closingIsRefusedWhileSending() {
    QueuedTaskRunner tasks = new QueuedTaskRunner();
    WizardViewModel vm = new WizardViewModel(port, tasks);
    vm.startExit(ME, EIGHT);
    tasks.runAll();
    vm.confirmReview();
    vm.submit(pw(FakeWalletPort.PASSWORD));
    vm.close();
    vm.startExit(ME, BigInteger.valueOf(12));

    assertThat(vm.stepProperty().get()).isEqualTo(Step.SENDING);
    tasks.runAll();
    assertThat(port.executed).containsExactly("exit:8");
  }

  @Test
  void wrongPasswordAsksAgainAndSendsNothing() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(ME, EIGHT);
    vm.confirmReview();
    char[] wrong = pw("not-it");
    vm.submit(wrong);

    assertThat(port.executed).isEmpty();
    assertThat(zeroed(wrong)).isTrue();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.PASSWORD);
    assertThat(vm.errorProperty().get()).startsWith("Wrong password").contains("Nothing was");

    vm.submit(pw(FakeWalletPort.PASSWORD));
    assertThat(port.executed).containsExactly("exit:8");
  }

  @Test
  void failedExitShowsTheRevertReasonAndRetriesWithAFreshPreflight() {
    port.receiverReverts = true;
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(ME, EIGHT);
    vm.confirmReview();
    vm.submit(pw(FakeWalletPort.PASSWORD));

    assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
    assertThat(vm.lines())
        .anyMatch(
            l ->
                l.kind() == ReviewLine.Kind.RESULT_FAILED && l.text().contains("receiver says no"));
    assertThat(vm.canRetryProperty().get()).isTrue();

    port.receiverReverts = false;
    vm.retry();
    assertThat(port.prepared).containsExactly("exit 8", "exit 8");
    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);
  }

  @Test
  void aFailingPreflightCheckIsNamedAndNothingIsAsked() {
    port.prepareFailure =
        new WalletException(WalletException.Kind.ALREADY_PROCESSED, "exit 8 is already processed");
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startExit(ME, EIGHT);

    assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
    assertThat(vm.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(ReviewLine.Kind.CHECK_FAILED);
              assertThat(l.text()).startsWith("Not processed yet");
            });
    assertThat(vm.canRetryProperty().get()).isFalse();
    vm.confirmReview();
    assertThat(vm.stepProperty().get()).isEqualTo(Step.FAILED);
  }

  @Test
  void withdrawFormRejectsABadAmountWithoutAskingTheChain() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startWithdraw(ME, "0x00000000000000000000000000000000000000c1");
    assertThat(vm.receiverProperty().get()).isEqualTo(FakeWalletPort.ME.toString());
    vm.amountProperty().set("1,5");
    vm.prepare();

    assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
    assertThat(vm.errorProperty().get()).contains("is not a number");
    vm.amountProperty().set("0");
    vm.prepare();
    assertThat(vm.errorProperty().get()).contains("must be positive");
    assertThat(port.prepared).isEmpty();

    // the amount goes to the wallet as typed: it is read at the token's own decimals there
    vm.amountProperty().set("2.5");
    vm.prepare();
    assertThat(port.prepared).containsExactly("withdraw 2.5");
    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);
  }

  @Test
  void childNativeDepositOpensAnEmptyFormAndReviewsTheApprovalThenTheDeposit() {
    WizardViewModel vm = new WizardViewModel(port, new DirectTaskRunner());
    vm.startChildDeposit(ME);
    assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
    assertThat(vm.actionProperty().get().hasForm()).isTrue();
    assertThat(vm.actionProperty().get().isNft()).isFalse();
    assertThat(vm.titleProperty().get()).startsWith("Deposit a child-native token to the root");
    assertThat(vm.messageProperty().get()).contains("RootMintableERC20Predicate");
    assertThat(vm.tokenProperty().get()).isEmpty();
    vm.amountProperty().set("5");
    vm.prepare();
    assertThat(vm.errorProperty().get()).contains("token is not an address");
    assertThat(port.prepared).isEmpty();

    String token = "0x00000000000000000000000000000000000000c7";
    vm.tokenProperty().set(token);
    vm.prepare();
    assertThat(port.prepared).containsExactly("child deposit 5 of " + token);
    assertThat(vm.stepProperty().get()).isEqualTo(Step.REVIEW);
    assertThat(vm.lines()).isNotEmpty();
  }

  @Test
  void childNativeFormsGoEitherWayWithTheirKind() {
    String token = "0x00000000000000000000000000000000000000c7";
    WizardViewModel home = new WizardViewModel(port, new DirectTaskRunner());
    home.startChildNative(ME, WizardViewModel.Action.ROOT_WITHDRAW);
    assertThat(home.stepProperty().get()).isEqualTo(Step.FORM);
    assertThat(home.actionProperty().get().isNft()).isFalse();
    assertThat(home.messageProperty().get()).contains("ChildMintableERC20Predicate");
    home.tokenProperty().set(token);
    home.amountProperty().set("3");
    home.prepare();
    assertThat(port.prepared).containsExactly("mirror home 3 of " + token);
    assertThat(home.stepProperty().get()).isEqualTo(Step.REVIEW);

    WizardViewModel out = new WizardViewModel(port, new DirectTaskRunner());
    out.startChildNative(ME, WizardViewModel.Action.CHILD_NFT_DEPOSIT);
    assertThat(out.actionProperty().get().isNft()).isTrue();
    assertThat(out.messageProperty().get()).contains("RootMintableERC721/1155Predicate");
    out.tokenProperty().set(token);
    out.idsProperty().set("7, 8");
    out.prepare();
    assertThat(port.prepared).last().isEqualTo("child deposit ERC721 [7, 8] of " + token);

    WizardViewModel nftHome = new WizardViewModel(port, new DirectTaskRunner());
    nftHome.startChildNative(ME, WizardViewModel.Action.ROOT_NFT_WITHDRAW);
    nftHome.nftKindProperty().set(AssetKind.ERC1155);
    nftHome.tokenProperty().set(token);
    nftHome.idsProperty().set("1");
    nftHome.amountProperty().set("4");
    nftHome.prepare();
    assertThat(port.prepared).last().isEqualTo("mirror home ERC1155 [1] of " + token);

    // only the child-native actions open through this door
    assertThatThrownBy(() -> nftHome.startChildNative(ME, WizardViewModel.Action.DEPOSIT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
