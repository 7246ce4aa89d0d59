package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Hash32;

/**
 * A checkpoint submitted to the root chain's CheckpointManager.
 *
 * @param blockNumber the root block of the submit transaction
 * @param childBlock the child block it checkpoints
 * @param verdict the verifier's words, "rejected on chain" for a failed submission
 */
public record CheckpointRow(
    long epoch,
    long blockNumber,
    long childBlock,
    Hash32 eventRoot,
    Hash32 submitTx,
    boolean success,
    String verdict) {}
