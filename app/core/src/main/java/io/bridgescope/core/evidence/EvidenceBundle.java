package io.bridgescope.core.evidence;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to re-check a commitment or checkpoint without a node (ADR 0015): the leaves'
 * contents, the signed fields, the signature with its signers, and the validator set it is judged
 * against. Timestamps are left out on purpose, so the same index gives the same bytes.
 *
 * @param commitment the signed fields of a commitment; empty for a checkpoint
 * @param checkpoint the signed fields of a checkpoint; empty for a commitment
 * @param signerKeys a commitment's signer keys as its commit input lists them; empty for a
 *     checkpoint, whose signers are the set members its bitmap names
 * @param bitmap a checkpoint's signer bitmap; a commitment's as its commit input carries it
 * @param verdict what Bridgescope concluded when it exported the bundle (a claim, not re-checked)
 * @param rejected a checkpoint's failed submissions for the same epoch, as the index recorded them
 *     (receipt status 0, with the revert reason); a claim, not re-checked; empty for a commitment
 * @param exporter who exported it (EIP-191 signature over the rest); empty when unsigned
 */
public record EvidenceBundle(
    Kind kind,
    String network,
    String scheme,
    BigInteger childChainId,
    Hash32 transaction,
    Optional<CommitmentFields> commitment,
    Optional<CheckpointFields> checkpoint,
    List<Leaf> leaves,
    Bytes signature,
    List<Bytes> signerKeys,
    Bytes bitmap,
    String validatorSetLabel,
    List<ValidatorEntry> validators,
    Optional<Verdict> verdict,
    List<RejectedSubmission> rejected,
    Optional<Exporter> exporter) {

  public static final String FORMAT = "bridgescope-evidence/2";

  /** What the bundle is about. */
  public enum Kind {
    COMMITMENT,
    CHECKPOINT;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The fields of {@code StateSyncCommitment} the validators sign. */
  public record CommitmentFields(BigInteger startId, BigInteger endId, Hash32 root) {}

  /** The fields of a checkpoint submission the validators sign (docs/protocol.md, Withdrawal). */
  public record CheckpointFields(
      long epoch,
      long blockNumber,
      Hash32 eventRoot,
      Hash32 blockHash,
      BigInteger blockRound,
      Hash32 currentValidatorSetHash,
      List<ValidatorEntry> newValidatorSet) {

    public CheckpointFields {
      newValidatorSet = List.copyOf(newValidatorSet);
    }
  }

  /** One leaf's contents: a state sync or an L2 exit event. */
  public record Leaf(BigInteger id, Address sender, Address receiver, Bytes data) {}

  /** The exporter's verdict as it was stored: a status key and its reason. */
  public record Verdict(String status, String reason) {}

  /**
   * A submission of the same epoch that the root chain reverted, with the reason and where it came
   * from ({@code ots_getTransactionError}, a replay, or none).
   */
  public record RejectedSubmission(
      Hash32 submitTx,
      Address submitter,
      long epoch,
      long rootBlock,
      String reason,
      String reasonSource) {

    public RejectedSubmission {
      Objects.requireNonNull(submitTx, "submitTx");
      Objects.requireNonNull(submitter, "submitter");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(reasonSource, "reasonSource");
    }
  }

  /** The exporter's address and its 65-byte EIP-191 signature (r ‖ s ‖ v). */
  public record Exporter(Address address, Bytes signature) {}

  public EvidenceBundle {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(childChainId, "childChainId");
    Objects.requireNonNull(transaction, "transaction");
    if (commitment.isPresent() == checkpoint.isPresent()
        || commitment.isPresent() != (kind == Kind.COMMITMENT)) {
      throw new IllegalArgumentException("a bundle carries exactly the fields of its kind " + kind);
    }
    leaves = List.copyOf(leaves);
    Objects.requireNonNull(signature, "signature");
    signerKeys = List.copyOf(signerKeys);
    Objects.requireNonNull(bitmap, "bitmap");
    Objects.requireNonNull(validatorSetLabel, "validatorSetLabel");
    validators = List.copyOf(validators);
    Objects.requireNonNull(verdict, "verdict");
    rejected = List.copyOf(rejected);
    if (!rejected.isEmpty() && kind != Kind.CHECKPOINT) {
      throw new IllegalArgumentException("only a checkpoint bundle lists rejected submissions");
    }
    Objects.requireNonNull(exporter, "exporter");
  }

  /** The same bundle signed by {@code by} (or unsigned with empty). */
  public EvidenceBundle withExporter(Optional<Exporter> by) {
    return new EvidenceBundle(
        kind,
        network,
        scheme,
        childChainId,
        transaction,
        commitment,
        checkpoint,
        leaves,
        signature,
        signerKeys,
        bitmap,
        validatorSetLabel,
        validators,
        verdict,
        rejected,
        by);
  }

  /** The root the leaves must rebuild: the commitment's root or the checkpoint's event root. */
  public Hash32 claimedRoot() {
    return commitment.map(CommitmentFields::root).orElseGet(() -> checkpoint.get().eventRoot());
  }
}
