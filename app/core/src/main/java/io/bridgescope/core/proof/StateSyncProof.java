package io.bridgescope.core.proof;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSync;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.model.Hash32;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code StateReceiver.execute(proof, obj)} takes for one state sync, with the
 * commitment that holds it.
 *
 * @param checkedOnChain whether the commitment was also compared with the node's {@code
 *     getCommitmentByStateSyncId(id)}
 */
public record StateSyncProof(
    StateSync stateSync,
    StateSyncCommitment commitment,
    Hash32 commitTx,
    int leafIndex,
    Hash32 leaf,
    List<Hash32> proof,
    boolean checkedOnChain) {

  public StateSyncProof {
    Objects.requireNonNull(stateSync, "stateSync");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(commitTx, "commitTx");
    Objects.requireNonNull(leaf, "leaf");
    proof = List.copyOf(proof);
  }

  /** Calldata for {@code StateReceiver.execute}. */
  public byte[] executeCalldata() {
    return BridgeAbi.execute(proof, stateSync);
  }
}
