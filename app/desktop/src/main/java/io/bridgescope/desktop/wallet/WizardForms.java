package io.bridgescope.desktop.wallet;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.NftPlanner;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.desktop.wallet.WizardViewModel.Action;
import java.math.BigInteger;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The guided send's forms: what each says, and the preflight each runs from what the user typed.
 * The fields are read on the FX thread (a bad address or id list is named before anything runs);
 * the returned work runs on a worker.
 */
final class WizardForms {

  /** What the form holds when the user asks for the preflight. */
  record Fields(String token, String receiver, String amount, AssetKind nftKind, String ids) {}

  private WizardForms() {}

  /** The forms of a child-native token, either way. */
  static boolean childNative(Action a) {
    return a == Action.CHILD_DEPOSIT
        || a == Action.CHILD_NFT_DEPOSIT
        || a == Action.ROOT_WITHDRAW
        || a == Action.ROOT_NFT_WITHDRAW;
  }

  /** The form's explanation, shown above it. */
  static String message(Action a) {
    return switch (a) {
      case WITHDRAW ->
          "Burns the child token; the exit can be claimed on the root once checkpointed.";
      case NFT_WITHDRAW ->
          "Burns the ids on the child; the exit can be claimed on the root once checkpointed."
              + " Several ids make one batch.";
      case NFT_DEPOSIT ->
          "Makes the root predicate an operator of the token if needed, then deposits the"
              + " ids. Several ids make one batch.";
      case CHILD_DEPOSIT ->
          "The token is the child-native token on the child. Approves the child's"
              + " RootMintableERC20Predicate if needed, then deposits; the root mirror is"
              + " minted when the exit is claimed on the root once checkpointed.";
      case CHILD_NFT_DEPOSIT ->
          "The token is the child-native ERC-721 or ERC-1155 on the child. Maps it and makes the"
              + " child's RootMintableERC721/1155Predicate an operator if needed, then deposits the"
              + " ids; they are minted on the root mirror when the exit is claimed there.";
      case ROOT_WITHDRAW ->
          "The token is the root mirror of a child-native ERC-20. The root's"
              + " ChildMintableERC20Predicate burns it; once the validators commit the message"
              + " and it is executed on the child, the escrow there releases the tokens.";
      case ROOT_NFT_WITHDRAW ->
          "The token is the root mirror of a child-native ERC-721 or ERC-1155. The root's"
              + " child-mintable predicate burns the ids; once the message is executed on the"
              + " child, the escrow there releases them. Several ids make one batch.";
      default -> "Approves the root predicate if needed, then deposits.";
    };
  }

  /**
   * The preflight of {@code a}; throws {@link IllegalArgumentException} naming the field the user
   * must fix before anything runs.
   */
  static Callable<Review> preflight(
      WalletPort port, Action a, Address from, @Nullable BigInteger id, Fields f) {
    return switch (a) {
      case EXIT -> () -> port.prepareExit(Objects.requireNonNull(id, "exit id"), from);
      case CLAIM_ALL -> () -> port.prepareClaimAll(from);
      case SELF_EXECUTE ->
          () -> port.prepareSelfExecute(Objects.requireNonNull(id, "deposit id"), from);
      case WITHDRAW, DEPOSIT, CHILD_DEPOSIT, ROOT_WITHDRAW -> {
        Address t = FormInputs.address(f.token(), "token");
        Address to = FormInputs.address(f.receiver(), "receiver");
        String whole = FormInputs.wholeTokens(f.amount());
        yield switch (a) {
          case WITHDRAW -> () -> port.prepareWithdraw(from, t, to, whole);
          case DEPOSIT -> () -> port.prepareDeposit(from, t, to, whole);
          default ->
              () ->
                  port.prepareChildNative(
                      new WalletPort.ChildNativeMove(
                          a == Action.CHILD_DEPOSIT, from, t, to, whole, null));
        };
      }
      case NFT_WITHDRAW, NFT_DEPOSIT, CHILD_NFT_DEPOSIT, ROOT_NFT_WITHDRAW -> {
        Address t = FormInputs.address(f.token(), "token");
        Address to = FormInputs.address(f.receiver(), "receiver");
        NftPlanner.Items items = NftForm.items(f.nftKind(), f.ids(), f.amount());
        yield switch (a) {
          case NFT_WITHDRAW -> () -> port.prepareNftWithdraw(from, t, to, items);
          case NFT_DEPOSIT -> () -> port.prepareNftDeposit(from, t, to, items);
          default ->
              () ->
                  port.prepareChildNative(
                      new WalletPort.ChildNativeMove(
                          a == Action.CHILD_NFT_DEPOSIT, from, t, to, "", items));
        };
      }
    };
  }
}
