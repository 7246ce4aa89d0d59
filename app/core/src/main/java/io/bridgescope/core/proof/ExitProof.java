package io.bridgescope.core.proof;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code ExitHelper.exit(blockNumber, leafIndex, unhashedLeaf, proof)} takes for one
 * exit, with where it came from. {@code checkpointBlock} is the block of the latest checkpoint of
 * the exit's epoch, so the contract maps it to that epoch's current root (docs/protocol.md).
 *
 * @param checkedOnChain whether {@code root} was also compared with the node's {@code
 *     getEventRootByBlock(checkpointBlock)}
 */
public record ExitProof(
    BigInteger exitId,
    long epoch,
    long checkpointBlock,
    Hash32 checkpointTx,
    int leafIndex,
    int leafCount,
    Bytes unhashedLeaf,
    Hash32 leaf,
    List<Hash32> proof,
    Hash32 root,
    boolean checkedOnChain) {

  public ExitProof {
    Objects.requireNonNull(exitId, "exitId");
    Objects.requireNonNull(checkpointTx, "checkpointTx");
    Objects.requireNonNull(unhashedLeaf, "unhashedLeaf");
    Objects.requireNonNull(leaf, "leaf");
    proof = List.copyOf(proof);
    Objects.requireNonNull(root, "root");
  }

  public BridgeAbi.ExitInput toExitInput() {
    return new BridgeAbi.ExitInput(
        BigInteger.valueOf(checkpointBlock),
        BigInteger.valueOf(leafIndex),
        unhashedLeaf.value(),
        proof);
  }

  /** Calldata for {@code ExitHelper.exit}. */
  public byte[] exitCalldata() {
    return BridgeAbi.exit(toExitInput());
  }
}
