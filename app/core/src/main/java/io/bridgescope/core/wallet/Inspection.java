package io.bridgescope.core.wallet;

import io.bridgescope.core.wallet.WalletException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a transaction is, decoded from the fields that are signed (never from a description that
 * travels with them), and why it may not be signed. Made by {@link SigningPolicy}.
 *
 * @param tx the raw fields with labels (chain, purpose, related id, summary) derived from them;
 *     this is what is signed, written and journaled
 * @param call the call decoded by name and argument (function "unknown" when it is none known)
 * @param lines the review, one field per line
 * @param problems every rule the transaction breaks, each naming its field
 * @param warnings things worth a look that do not stop the signature
 */
public record Inspection(
    UnsignedTx tx,
    DecodedCall call,
    List<String> lines,
    List<Problem> problems,
    List<String> warnings,
    boolean allowUnknownCall) {

  /**
   * One broken rule. {@code waivable} problems are those of an unknown call (a call, contract or
   * label the signer does not recognise); only those are passed by {@code --allow-unknown-call}.
   */
  public record Problem(String field, String message, boolean waivable) {
    public Problem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  public Inspection {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(call, "call");
    lines = List.copyOf(lines);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** The problems that stop signing under the limits this was inspected with. */
  public List<Problem> blocking() {
    return problems.stream().filter(p -> !(allowUnknownCall && p.waivable())).toList();
  }

  /** Problems let through by {@code --allow-unknown-call}: the user must see them in red. */
  public List<Problem> waived() {
    return problems.stream().filter(p -> allowUnknownCall && p.waivable()).toList();
  }

  public boolean signable() {
    return blocking().isEmpty();
  }

  /** Names of the fields with a problem, for callers that branch (and for tests). */
  public List<String> fields() {
    return problems.stream().map(Problem::field).toList();
  }

  /** Throws {@link Kind#REFUSED} naming every blocking field, unless nothing blocks. */
  public Inspection requireSignable() {
    return require("sign", "Nothing was signed");
  }

  /** As {@link #requireSignable()}, for signed bytes about to be sent. */
  public Inspection requireSendable() {
    return require("send", "Nothing was sent");
  }

  private Inspection require(String verb, String consequence) {
    List<Problem> b = blocking();
    if (b.isEmpty()) {
      return this;
    }
    boolean onlyUnknown = b.stream().allMatch(Problem::waivable);
    throw new WalletException(
        Kind.REFUSED,
        "refused to "
            + verb
            + " "
            + tx.summary()
            + ": "
            + b.stream().map(Problem::toString).collect(Collectors.joining("; "))
            + (onlyUnknown
                ? ". If you really mean to "
                    + verb
                    + " a call the wallet does not know, allow it explicitly"
                    + " (--allow-unknown-call)"
                : "")
            + ". "
            + consequence);
  }

  /** The review followed by the problems and warnings, as plain text lines. */
  public List<String> describe() {
    List<String> out = new ArrayList<>(lines);
    blocking().forEach(p -> out.add("  ✗ " + p));
    waived().forEach(p -> out.add("  ! allowed unknown call: " + p));
    warnings.forEach(w -> out.add("  ! " + w));
    return out;
  }
}
