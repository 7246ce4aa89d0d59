package io.bridgescope.core.verify;

import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.ValidatorEntry;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One thing the validators sign (a commitment or a successful checkpoint) with who of its set
 * signed it: for a commitment its signer keys mapped onto the set, for a checkpoint its bitmap.
 *
 * @param key {@code "5..9"} for a commitment's state-sync ids, the epoch for a checkpoint
 * @param childBlock the child block it was committed in, or the checkpoint's block
 * @param time unix seconds of the block that carries it (child for commitments, root for
 *     checkpoints)
 * @param set the set it is judged by (empty when that set is not indexed)
 * @param signers indices into {@code set} that signed
 * @param strangers signer keys of a commitment that are in no validator's hands
 */
public record SignedSubject(
    String kind,
    String key,
    Hash32 tx,
    long childBlock,
    long time,
    String setLabel,
    List<ValidatorEntry> set,
    Set<Integer> signers,
    int strangers) {

  public SignedSubject {
    Objects.requireNonNull(kind, "kind");
    set = List.copyOf(set);
    signers = Set.copyOf(signers);
  }

  public boolean signed(int validatorIndex) {
    return signers.contains(validatorIndex);
  }
}
