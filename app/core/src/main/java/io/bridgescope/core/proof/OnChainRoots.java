package io.bridgescope.core.proof;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.bridge.StateSyncCommitment;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.Optional;

/** Asks a node for the roots the contracts will check a proof against. */
final class OnChainRoots {

  private OnChainRoots() {}

  /** {@code CheckpointManager.getEventRootByBlock(block)}; zero when nothing covers the block. */
  static Hash32 eventRoot(ChainClient root, Address checkpointManager, long block) {
    try {
      byte[] r =
          root.call(
              checkpointManager,
              BridgeAbi.uintView("getEventRootByBlock(uint256)", BigInteger.valueOf(block)));
      return new AbiReader(r).bytes32("eventRoot", 0);
    } catch (ChainException | IllegalArgumentException e) {
      throw new ProofException(
          ProofException.Reason.CHAIN_ERROR,
          "could not read the exit root for child block "
              + block
              + " from "
              + root.label()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@code StateReceiver.getCommitmentByStateSyncId(id)}; empty when the node has no commitment for
   * the id (the view reverts {@code NO_COMMITMENT_FOR_ID}).
   */
  static Optional<StateSyncCommitment> commitment(
      ChainClient child, Address stateReceiver, BigInteger id) {
    byte[] r;
    try {
      r = child.call(stateReceiver, BridgeAbi.uintView("getCommitmentByStateSyncId(uint256)", id));
    } catch (ChainException e) {
      if (e.revertReason() != null && e.revertReason().contains("NO_COMMITMENT_FOR_ID")) {
        return Optional.empty();
      }
      throw new ProofException(
          ProofException.Reason.CHAIN_ERROR,
          "could not read the commitment of state sync "
              + id
              + " from "
              + child.label()
              + ": "
              + e.getMessage(),
          e);
    }
    AbiReader a = new AbiReader(r);
    return Optional.of(
        new StateSyncCommitment(a.uint("startId", 0), a.uint("endId", 1), a.bytes32("root", 2)));
  }
}
