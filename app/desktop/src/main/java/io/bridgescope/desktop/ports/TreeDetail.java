package io.bridgescope.desktop.ports;

import io.bridgescope.crypto.merkle.MerkleTree;
import io.bridgescope.desktop.quorum.BlsVerdict;
import io.bridgescope.desktop.quorum.ValidatorEntry;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A commitment or checkpoint with its real leaves, the validator set that had to sign it, the
 * signer bitmap over that set and the verifier's verdict.
 *
 * @param tree empty when the tree has no leaves (an epoch without exits)
 * @param leafIds the message id of each leaf, in leaf order
 * @param selectedLeaf the leaf to select on arrival, or -1
 * @param validators empty when the set is not indexed (then {@code note} says so)
 */
public record TreeDetail(
    String title,
    Optional<MerkleTree> tree,
    List<BigInteger> leafIds,
    int selectedLeaf,
    String setLabel,
    List<ValidatorEntry> validators,
    byte[] bitmap,
    BlsVerdict verdict,
    String note,
    Optional<AuditFacts> facts) {

  /** Without the auditor's facts (the Merkle inspector's own trees). */
  public TreeDetail(
      String title,
      Optional<MerkleTree> tree,
      List<BigInteger> leafIds,
      int selectedLeaf,
      String setLabel,
      List<ValidatorEntry> validators,
      byte[] bitmap,
      BlsVerdict verdict,
      String note) {
    this(
        title,
        tree,
        leafIds,
        selectedLeaf,
        setLabel,
        validators,
        bitmap,
        verdict,
        note,
        Optional.empty());
  }

  public TreeDetail {
    leafIds = List.copyOf(leafIds);
    validators = List.copyOf(validators);
    bitmap = bitmap.clone();
  }

  @Override
  public byte[] bitmap() {
    return bitmap.clone();
  }
}
