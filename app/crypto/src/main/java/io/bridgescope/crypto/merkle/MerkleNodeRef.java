package io.bridgescope.crypto.merkle;

/**
 * The position of one node: {@code level} 0 holds the leaves, {@code index} counts from the left.
 */
public record MerkleNodeRef(int level, int index) {}
