package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auditor checks about a commitment or checkpoint, beyond the tree and the quorum bar: the
 * full verdict, the committed root against the root rebuilt from the leaves the index holds, the
 * transaction that carried it, the signer bitmap with who signed, and the aggregate signature.
 *
 * @param txLabel "commit transaction" or "submit transaction"
 * @param rebuiltRoot the root of the leaves the index holds; empty when it holds none
 * @param leavesExpected how many leaves the item covers, or -1 when only the chain knows
 * @param heldRange the ids of the leaves held, e.g. "ids 5–9", or "none"
 * @param bitmap the signer bitmap as hex ({@code 0x} when there is none)
 * @param signers the validators the bitmap marks, in set order
 * @param signature the aggregate BLS signature as hex
 */
public record AuditFacts(
    String verdictText,
    String txLabel,
    Hash32 tx,
    Hash32 committedRoot,
    Optional<Hash32> rebuiltRoot,
    int leavesHeld,
    long leavesExpected,
    String heldRange,
    String bitmap,
    List<Address> signers,
    String signature) {

  public AuditFacts {
    Objects.requireNonNull(verdictText, "verdictText");
    Objects.requireNonNull(txLabel, "txLabel");
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(committedRoot, "committedRoot");
    Objects.requireNonNull(rebuiltRoot, "rebuiltRoot");
    Objects.requireNonNull(heldRange, "heldRange");
    Objects.requireNonNull(bitmap, "bitmap");
    signers = List.copyOf(signers);
    Objects.requireNonNull(signature, "signature");
  }

  /** The rebuilt root differs from the committed one (or no leaf is held to rebuild it). */
  public boolean rootMismatch() {
    return rebuiltRoot.map(r -> !r.equals(committedRoot)).orElse(false);
  }

  /** Fewer leaves held than the item covers: a rebuilt root cannot match yet. */
  public boolean leavesMissing() {
    return leavesExpected >= 0 && leavesHeld < leavesExpected;
  }
}
