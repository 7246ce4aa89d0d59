package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * What the user confirms before the password is asked: the decoded calls, who pays, the fees and
 * every preflight check that passed. Nothing is signed until it is passed to {@link
 * Wallet#execute}.
 *
 * @param guard identifies the action for double-submit protection (e.g. {@code exit:12})
 * @param notes things worth knowing that are not failures (e.g. exits left out of a batch)
 * @param snapshot the roots the steps' proofs were built against (exported with the transaction so
 *     an offline signer can check them)
 */
public record Review(
    String title,
    Address from,
    List<Step> steps,
    List<String> checks,
    List<String> notes,
    String guard,
    IndexSnapshot snapshot) {

  public Review {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(from, "from");
    steps = List.copyOf(steps);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    Objects.requireNonNull(guard, "guard");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a review needs at least one step");
    }
  }

  /** A review of steps that carry no Merkle proof. */
  public Review(
      String title,
      Address from,
      List<Step> steps,
      List<String> checks,
      List<String> notes,
      String guard) {
    this(title, from, steps, checks, notes, guard, IndexSnapshot.NONE);
  }

  /** The most the planned steps can cost in fees on {@code chain} (deferred steps not included). */
  public BigInteger maxFee(ChainRole chain) {
    return steps.stream()
        .flatMap(s -> s.tx().stream())
        .filter(t -> t.chain() == chain)
        .map(UnsignedTx::maxFee)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  /**
   * This review cut to its first step, for an offline signer, who signs one transaction at a time.
   * A deposit whose approval comes first exports the approval; the deposit itself is simulated and
   * exported by preparing it again once the approval is mined (before that its gas cannot be
   * estimated). {@code next} says so in the review's notes. A one-step review is returned as is.
   */
  public Review firstStepOnly(String next) {
    if (steps.size() == 1) {
      return this;
    }
    List<String> n = new java.util.ArrayList<>(notes);
    n.add(next);
    return new Review(
        title + " (step 1 of " + steps.size() + ": " + steps.get(0).summary() + ")",
        from,
        List.of(steps.get(0)),
        checks,
        n,
        guard + ":step-1",
        snapshot);
  }

  /** Whether a step can only be planned after an earlier one is mined. */
  public boolean hasDeferredSteps() {
    return steps.stream().anyMatch(s -> s.tx().isEmpty());
  }

  /** The review as plain text lines (CLI output, logs of what was confirmed). */
  public List<String> describe() {
    List<String> out = new java.util.ArrayList<>();
    out.add(title);
    out.add("  from " + from);
    int i = 1;
    for (Step s : steps) {
      out.add("  step " + i++ + " on the " + s.chain().key() + " chain: " + s.summary());
      out.add("    call " + s.call().render());
      if (s.tx().isPresent()) {
        UnsignedTx t = s.tx().get();
        out.add(
            "    nonce "
                + t.nonce()
                + ", gas limit "
                + t.gasLimit()
                + ", max fee "
                + Amounts.ether(t.maxFee())
                + " "
                + TxPlanner.nativeSymbol(t.chain())
                + " ("
                + (t.fees().eip1559() ? "EIP-1559, up to " : "legacy, ")
                + Amounts.gwei(t.fees().maxFeePerGas())
                + ")");
      } else {
        out.add("    simulated, estimated and signed once the previous step is mined");
      }
    }
    checks.forEach(c -> out.add("  ✓ " + c));
    notes.forEach(n -> out.add("  note: " + n));
    return out;
  }
}
