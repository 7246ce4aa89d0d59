package io.bridgescope.desktop.status;

import java.util.OptionalDouble;

/**
 * Everything the status bar shows, as one immutable value (updates replace it whole, so bursts can
 * be coalesced by keeping only the latest).
 *
 * @param catchUpProgress 0..1 while the indexer catches up; empty when it is at the head or idle
 * @param message one line of state in user words ("Indexing root chain, block 1,200 of 9,000")
 */
public record StatusSnapshot(
    ChainStatus root, ChainStatus child, OptionalDouble catchUpProgress, String message) {}
