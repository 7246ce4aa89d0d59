package io.bridgescope.desktop.wallet;

import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.AssetText;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.lifecycle.MessageStatus;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.StateSyncRow;
import io.bridgescope.core.wallet.ExitPlanner;
import io.bridgescope.desktop.activity.ActivityItem;
import io.bridgescope.desktop.common.GuiWords;
import io.bridgescope.desktop.engine.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * My activity's items of one account, read the way the wallet and the detail panes read them: the
 * exits and their readiness from the wallet's {@link ExitPlanner} (the same list "Claim all" claims
 * from), the deposits by address from the lifecycle service, the stage and its words as the detail
 * panes show them.
 */
final class ActivityItems {

  /** As many deposits as the Wallet screen lists. */
  static final int DEPOSITS = 200;

  private ActivityItems() {}

  static List<ActivityItem> of(
      ExitPlanner exits,
      LifecycleService lifecycle,
      BridgeContracts contracts,
      TokenScale scale,
      Address account) {
    List<ActivityItem> out = new ArrayList<>();
    for (ExitPlanner.ExitItem x : exits.exits(account)) {
      MessageStatus st = x.status().status();
      out.add(
          new ActivityItem(
              ActivityItem.Kind.EXIT,
              x.id(),
              account,
              Optional.empty(),
              Words.stage(st.stage()),
              GuiWords.of(st.reason()),
              GuiWords.of(st.nextStep()),
              st.eta(),
              exits.payout(x),
              x.ready() ? ActivityItem.NextAction.CLAIM : ActivityItem.NextAction.NONE,
              x.pending()
                  .map(e -> e.purpose().key() + " " + e.state().key() + " " + e.txHash())
                  .orElse(""),
              x.status().exit().event().blockTime()));
    }
    for (DepositStatus d : lifecycle.depositsByAddress(account, Optional.empty(), DEPOSITS)) {
      MessageStatus st = d.status();
      out.add(
          new ActivityItem(
              ActivityItem.Kind.DEPOSIT,
              d.deposit().id(),
              account,
              Optional.empty(),
              Words.stage(st.stage()),
              GuiWords.of(st.reason()),
              GuiWords.of(st.nextStep()),
              st.eta(),
              what(d.deposit(), contracts, scale),
              selfExecutable(d)
                  ? ActivityItem.NextAction.SELF_EXECUTE
                  : ActivityItem.NextAction.NONE,
              "",
              d.deposit().event().blockTime()));
    }
    return out;
  }

  /**
   * What a deposit moves, in the words the wallet's reviews use: an ERC-20 deposit's amount (at the
   * root token's decimals the index knows, else in raw units), token and receiver, or the NFT /
   * ERC-1155 items its payload names (decoded with the predicate it was sent to), or nothing for a
   * message the predicates do not know.
   */
  static String what(StateSyncRow row, BridgeContracts contracts, TokenScale scale) {
    if (row.deposit().isPresent()) {
      Erc20Transfer t = row.deposit().get();
      return "deposit of "
          + scale.format(t.rootToken(), t.amount())
          + " of root token "
          + t.rootToken()
          + " to "
          + t.to();
    }
    AssetPayload p =
        AssetPredicates.of(contracts).decodeStateSync(row.receiver(), row.data().value());
    return p instanceof AssetPayload.Transfer ? AssetText.describe(p) : "";
  }

  /**
   * Whether a user can execute the deposit on the child now: committed and not executed (waiting,
   * stuck, or failed in the receiver), as the deposit detail pane offers it.
   */
  static boolean selfExecutable(DepositStatus d) {
    Stage stage = d.status().stage();
    return d.commitment().isPresent()
        && (stage == Stage.COMMITTED || stage == Stage.STUCK || stage == Stage.FAILED);
  }
}
