package io.bridgescope.core.wallet;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ERC-20 withdrawal, one {@code withdrawTo} on either chain: a child token through the child's
 * ChildERC20Predicate (an exit to claim on the root), or the root mirror of a child-native token
 * through the root's ChildMintableERC20Predicate (a state sync that releases the child's escrow).
 */
final class Erc20Withdrawal {

  private Erc20Withdrawal() {}

  /** The profile names no root child-mintable predicate for {@code f}. */
  static WalletException noChildMintablePredicate(BridgeFunction f) {
    String field = f.profileField();
    return new WalletException(
        Kind.REFUSED,
        "the network profile names no "
            + f.contractName
            + " on the root (contracts."
            + field
            + "), so the wallet cannot send root mirrors of child-native tokens home; import the"
            + " profile again from the chain's genesis.json (it is"
            + " params.engine.polybft.bridge."
            + EdgeGenesisImport.genesisKey(field).orElse(field)
            + ") or add the address; nothing was signed");
  }

  /**
   * {@code withdrawTo(token, receiver, amount)} on {@code predicate}: the child's ERC-20 predicate
   * (an exit to claim on the root) or the root's child-mintable one (a state sync to the child).
   */
  static Review plan(
      ChainViews views,
      TxPlanner planner,
      ChainRole chain,
      Address predicate,
      Address from,
      Address token,
      Address receiver,
      Erc20Amount typed,
      boolean allowBurn) {
    boolean home = chain == ChainRole.ROOT;
    List<String> checks = new ArrayList<>();
    BridgePlanner.receiverCheck(receiver, home ? "child" : "root", "withdraw", allowBurn)
        .ifPresent(checks::add);
    Address other = views.rootTokenOf(chain, token);
    TokenUnits units = views.units(chain, token);
    BigInteger amount = typed.in(units);
    String what = home ? "root mirror " : "child token ";
    BigInteger held = views.holding(chain, token, from, amount, units, what, "withdraw");
    checks.add(from + " holds " + units.show(held) + " of the " + what.strip());
    String summary =
        "withdraw "
            + units.show(amount)
            + " of "
            + (home ? what : "")
            + token
            + (home ? " (child-native token " : " (root token ")
            + other
            + ") to "
            + receiver
            + (home ? " on the child" : "");
    byte[] data = BridgeAbi.withdrawTo(token, receiver, amount);
    UnsignedTx tx =
        planner.plan(
            chain, from, predicate, data, TxPurpose.WITHDRAW, Optional.empty(), summary, checks);
    DecodedCall call =
        new DecodedCall(
            home ? "ChildMintableERC20Predicate" : "ChildERC20Predicate",
            predicate,
            "withdrawTo",
            List.of(
                new DecodedCall.Arg("childToken", "address", token.toString()),
                new DecodedCall.Arg("receiver", "address", receiver.toString()),
                new DecodedCall.Arg("amount", "uint256", amount + " (" + units.show(amount) + ")")),
            BigInteger.ZERO);
    return new Review(
        "Start a withdrawal: " + summary,
        from,
        List.of(Step.planned(call, tx)),
        checks,
        List.of(
            home
                ? "the validators commit it on the child and the relayer (or `bridgescope"
                    + " self-execute`) executes it: the child's RootMintableERC20Predicate then"
                    + " releases the tokens from escrow"
                : "once a checkpoint covers it, claim it on the root with `bridgescope exit`"),
        "withdraw:" + from + ":" + Bytes.of(data).hashCode());
  }
}
