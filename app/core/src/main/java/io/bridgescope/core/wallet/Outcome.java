package io.bridgescope.core.wallet;

import io.bridgescope.core.bridge.BridgeEvents;
import io.bridgescope.core.chain.RevertReason;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/** What {@link Wallet#execute} did: one result per mined step. */
public record Outcome(Review review, List<StepResult> steps) {

  public Outcome {
    Objects.requireNonNull(review, "review");
    steps = List.copyOf(steps);
  }

  /**
   * One mined transaction and what the bridge reported in it.
   *
   * @param results {@code ExitProcessed} (root) or {@code StateSyncResult} (child) events
   * @param emittedIds ids of the messages the transaction sent: an exit id for a withdrawal ({@code
   *     L2StateSynced}), a deposit id for a deposit ({@code StateSynced})
   */
  public record StepResult(
      Step step,
      SignedTx tx,
      long block,
      List<BridgeEvents.Result> results,
      List<BigInteger> emittedIds) {

    public StepResult {
      results = List.copyOf(results);
      emittedIds = List.copyOf(emittedIds);
    }
  }

  /** Every bridge result of every step. */
  public List<BridgeEvents.Result> results() {
    return steps.stream().flatMap(s -> s.results().stream()).toList();
  }

  /** Ids of the messages sent (exit ids of a withdrawal, deposit ids of a deposit). */
  public List<BigInteger> emittedIds() {
    return steps.stream().flatMap(s -> s.emittedIds().stream()).toList();
  }

  /** A result in words: {@code exit 12 processed} or {@code exit 12 failed in the receiver: …}. */
  public static String describe(String what, BridgeEvents.Result r) {
    if (r.success()) {
      return what + " " + r.id() + " processed";
    }
    String reason = RevertReason.decode(r.returnData());
    return what
        + " "
        + r.id()
        + " failed in the receiver: "
        + (reason == null ? "no revert reason" : reason)
        + "; it is not marked processed and can be retried";
  }
}
