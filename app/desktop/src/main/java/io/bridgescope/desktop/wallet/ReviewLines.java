package io.bridgescope.desktop.wallet;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.Amounts;
import io.bridgescope.core.wallet.DecodedCall;
import io.bridgescope.core.wallet.Outcome;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.Step;
import io.bridgescope.core.wallet.UnsignedTx;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.desktop.common.GuiWords;
import java.util.ArrayList;
import java.util.List;

/** Turns reviews, outcomes and refusals into the wizard's lines. */
final class ReviewLines {

  private ReviewLines() {}

  static String nativeSymbol(ChainRole chain) {
    return chain == ChainRole.ROOT ? "ETH" : "native token";
  }

  /** The decoded calls and fees, then every preflight check that passed, then the notes. */
  static List<ReviewLine> of(Review r) {
    List<ReviewLine> out = new ArrayList<>();
    int i = 1;
    for (Step s : r.steps()) {
      out.add(
          line(
              ReviewLine.Kind.STEP,
              "Step " + i++ + " on the " + s.chain().key() + " chain: " + s.summary()));
      DecodedCall c = s.call();
      out.add(
          line(ReviewLine.Kind.CALL, c.contractName() + " " + c.contract() + " · " + c.function()));
      for (DecodedCall.Arg a : c.args()) {
        out.add(line(ReviewLine.Kind.ARG, a.name() + " (" + a.type() + ") = " + a.value()));
      }
      if (c.value().signum() != 0) {
        out.add(line(ReviewLine.Kind.ARG, "value = " + Amounts.ether(c.value())));
      }
      out.add(line(ReviewLine.Kind.FEE, fee(s)));
    }
    r.checks().forEach(c -> out.add(line(ReviewLine.Kind.CHECK_PASSED, c)));
    r.notes().forEach(n -> out.add(line(ReviewLine.Kind.NOTE, GuiWords.of(n))));
    return out;
  }

  private static String fee(Step s) {
    if (s.tx().isEmpty()) {
      return "Simulated, estimated and signed once the previous step is mined (same password)";
    }
    UnsignedTx t = s.tx().get();
    return "Nonce "
        + t.nonce()
        + " · gas limit "
        + t.gasLimit()
        + " · fee at most "
        + Amounts.ether(t.maxFee())
        + " "
        + nativeSymbol(t.chain())
        + (t.fees().eip1559() ? " (EIP-1559, up to " : " (legacy, ")
        + Amounts.gwei(t.fees().maxFeePerGas())
        + " per gas)";
  }

  /** Each mined step and what the bridge reported in it. */
  static List<ReviewLine> of(Outcome o) {
    List<ReviewLine> out = new ArrayList<>();
    for (Outcome.StepResult r : o.steps()) {
      out.add(
          line(
              ReviewLine.Kind.RESULT_OK,
              r.step().summary()
                  + ": mined in "
                  + r.step().chain().key()
                  + " block "
                  + r.block()
                  + ", tx "
                  + r.tx().hash()));
      String what = r.step().chain() == ChainRole.ROOT ? "exit" : "deposit";
      for (BridgeEvents.Result res : r.results()) {
        out.add(
            line(
                res.success() ? ReviewLine.Kind.RESULT_OK : ReviewLine.Kind.RESULT_FAILED,
                Outcome.describe(what, res)));
      }
      if (r.step().purpose() == TxPurpose.WITHDRAW) {
        r.emittedIds()
            .forEach(
                id ->
                    out.add(
                        line(
                            ReviewLine.Kind.NOTE,
                            "exit id "
                                + id
                                + ": claim it here once a checkpoint covers it (status and ETA"
                                + " in the exits list)")));
      } else if (r.step().purpose() == TxPurpose.DEPOSIT) {
        r.emittedIds().forEach(id -> out.add(line(ReviewLine.Kind.NOTE, "deposit id " + id)));
      }
    }
    return out;
  }

  /** Whether any bridge result of the outcome reports a failure (the receiver reverted). */
  static boolean anyFailed(Outcome o) {
    return o.results().stream().anyMatch(r -> !r.success());
  }

  /** The preflight check a refusal stands for, marked failed, with the core's message. */
  static ReviewLine refusal(WalletException e) {
    String check =
        switch (e.kind()) {
          case ALREADY_PROCESSED -> "Not processed yet";
          case ROOT_MISMATCH -> "Root on chain matches the local tree";
          case CALL_REVERTS -> "Simulated call (eth_call) succeeds";
          case INSUFFICIENT_FUNDS -> "Funds cover the amount, gas and fee";
          case IN_FLIGHT -> "No submission of the same action is running";
          case NOT_READY -> "Ready to claim (a checkpoint or commitment covers it)";
          case CHAIN_ERROR -> "Node reachable";
          case NOT_SENT -> "Sent to the node";
          case REJECTED -> "Accepted by the node";
          case FAILED_ON_CHAIN -> "Succeeded on chain";
          case TIMEOUT -> "Mined within the wait";
          case BAD_FILE -> "Transaction matches the key and chain";
          case REFUSED -> "A known bridge call to the network's contracts";
          case BURN -> "Receiver is not the zero address";
        };
    return line(
        ReviewLine.Kind.CHECK_FAILED, check + ": " + GuiWords.of(String.valueOf(e.getMessage())));
  }

  private static ReviewLine line(ReviewLine.Kind k, String text) {
    return new ReviewLine(k, text);
  }
}
