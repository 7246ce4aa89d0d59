package io.bridgescope.core.evidence;

import io.bridgescope.core.evidence.EvidenceBundle.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The words {@code verify-evidence} prints about what a bundle establishes, so an auditor does not
 * read more into a passing check than it holds (ADR 0015, "What a bundle proves").
 */
final class EvidenceClaims {

  private EvidenceClaims() {}

  /** What holds if every check passed. */
  static List<String> proves(EvidenceBundle b) {
    List<String> out = new ArrayList<>();
    String what = b.kind() == Kind.COMMITMENT ? "commitment" : "checkpoint";
    out.add(
        "the "
            + b.leaves().size()
            + " leaves in the bundle, in this order, are exactly the tree whose root the "
            + what
            + " names ("
            + b.claimedRoot()
            + ")");
    out.add(
        "validators of the bundle's set (\""
            + b.validatorSetLabel()
            + "\") holding more than two thirds of its voting power signed that "
            + what
            + " with "
            + b.scheme()
            + " BLS under the "
            + (b.kind() == Kind.COMMITMENT ? "StateReceiver" : "CheckpointManager")
            + " domain");
    if (b.kind() == Kind.CHECKPOINT) {
      out.add(
          "the bundle's set is the set whose hash the checkpoint itself names"
              + " (currentValidatorSetHash), and the signature covers the next set it installs");
    }
    b.exporter()
        .ifPresent(e -> out.add("the bundle was exported, unchanged since, by " + e.address()));
    return out;
  }

  /** What no bundle can prove on its own, however well it checks out. */
  static List<String> limits(EvidenceBundle b) {
    List<String> out = new ArrayList<>();
    if (b.kind() == Kind.COMMITMENT) {
      out.add(
          "that the bundle's validator set is the chain's set for that child block: nothing in a"
              + " commitment binds the set, so compare its keys and voting powers with the child"
              + " chain's ValidatorSet contract or the checkpoints on the root chain");
    } else {
      out.add(
          "that the set the checkpoint names was the root chain's current set then: compare"
              + " currentValidatorSetHash with CheckpointManager on the root chain at that block");
    }
    out.add(
        "that transaction "
            + b.transaction()
            + " is on chain "
            + b.childChainId()
            + "'s bridge, was accepted or is final: check it on a node you trust");
    out.add(
        "that the leaves are all the bridge messages of the period: only that they are the ones"
            + " the validators signed");
    b.verdict()
        .ifPresent(
            v ->
                out.add(
                    "the exporter's verdict (\""
                        + v.status()
                        + "\") is its claim; the checks above are what this run found"));
    if (!b.rejected().isEmpty()) {
      out.add(
          "the "
              + b.rejected().size()
              + " rejected submission(s) listed for this epoch, and their revert reasons, are as"
              + " the exporter's index recorded them: check each transaction's receipt on a node"
              + " you trust");
    }
    if (b.exporter().isEmpty()) {
      out.add("who exported the bundle: it is not signed");
    } else {
      out.add("that " + b.exporter().get().address() + " is who you think it is");
    }
    return out;
  }
}
