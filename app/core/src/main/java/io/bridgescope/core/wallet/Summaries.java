package io.bridgescope.core.wallet;

import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.asset.AssetText;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.CallDecoder.Approve;
import io.bridgescope.core.wallet.CallDecoder.Call;
import io.bridgescope.core.wallet.CallDecoder.Execute;
import io.bridgescope.core.wallet.CallDecoder.ExitLeaf;
import io.bridgescope.core.wallet.CallDecoder.Exits;
import io.bridgescope.core.wallet.CallDecoder.TokenMove;
import java.math.BigInteger;
import java.util.stream.Collectors;

/**
 * The one-line description of a decoded call ("exit 12: withdrawal of 2.5 of root token … to …"),
 * made from the calldata alone. Files and the journal carry this, never a text from elsewhere.
 */
final class Summaries {

  private static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private Summaries() {}

  /** The summary of the call {@code data} sent to {@code to} makes, read from its bytes. */
  static String of(Address to, byte[] data, io.bridgescope.core.network.BridgeContracts contracts) {
    return of(CallDecoder.decode(data, to, contracts).orElseThrow(), to);
  }

  static String of(Call c, Address to) {
    if (c instanceof Exits e) {
      if (e.function() == BridgeFunction.EXIT) {
        ExitLeaf l = e.inputs().get(0).leaf();
        return "exit " + l.id() + " (" + leaf(l) + ")";
      }
      return "claim "
          + e.inputs().size()
          + " exits ("
          + e.inputs().stream().map(i -> i.leaf().id().toString()).collect(Collectors.joining(", "))
          + ")";
    }
    if (c instanceof Execute x) {
      return "execute deposit "
          + x.obj().id()
          + " on the child"
          + x.deposit()
              .map(
                  d ->
                      " (deposit of "
                          + ether(d.amount())
                          + " of "
                          + d.rootToken()
                          + " to "
                          + d.to()
                          + ")")
              .orElse(" (message to " + x.obj().receiver() + ")");
    }
    if (c instanceof NftCalls.NftMove || c instanceof NftCalls.SetApproval) {
      return NftCalls.summary(c, to);
    }
    if (c instanceof Approve a) {
      return "approve " + a.spender() + " to take " + ether(a.amount()) + " of " + to;
    }
    if (c instanceof MapTokenCall m) {
      return "map child-native token " + m.token() + " to a root mirror (an exit to claim there)";
    }
    TokenMove m = (TokenMove) c;
    String receiver = m.receiver().map(Address::toString).orElse("the sender");
    if (m.function() == BridgeFunction.DEPOSIT_TO_CHILD_NATIVE) {
      return "deposit "
          + ether(m.amount())
          + " of child-native token "
          + m.token()
          + " to "
          + receiver
          + " on the root (an exit to claim there)";
    }
    if (m.function() == BridgeFunction.WITHDRAW_TO_FROM_ROOT) {
      return "withdraw "
          + ether(m.amount())
          + " of root mirror "
          + m.token()
          + " to "
          + receiver
          + " on the child (its escrow there is released)";
    }
    return m.function() == BridgeFunction.WITHDRAW || m.function() == BridgeFunction.WITHDRAW_TO
        ? "withdraw " + ether(m.amount()) + " of child token " + m.token() + " to " + receiver
        : "deposit " + ether(m.amount()) + " of " + m.token() + " to " + receiver + " on the child";
  }

  private static String leaf(ExitLeaf l) {
    return l.withdrawal()
        .map(
            w ->
                "withdrawal of "
                    + ether(w.amount())
                    + " of root token "
                    + w.rootToken()
                    + " to "
                    + w.to())
        .orElseGet(() -> nftOrMessage(l));
  }

  /** An NFT withdrawal read with Edge's predicate at its sender address, else a plain message. */
  private static String nftOrMessage(ExitLeaf l) {
    AssetPayload p = AssetPredicates.edge().decodeExit(l.sender(), l.data().value());
    return p instanceof AssetPayload.Transfer
        ? AssetText.describe(p)
        : "message from " + l.sender() + " to " + l.receiver();
  }

  private static String ether(BigInteger v) {
    return v.equals(MAX_UINT) ? "an unlimited amount" : Amounts.ether(v);
  }
}
