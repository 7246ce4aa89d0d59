package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Hash32;

/** A checkpoint submitted to the root chain's CheckpointManager. */
public record CheckpointRow(long epoch, long blockNumber, Hash32 eventRoot, String verdict) {}
