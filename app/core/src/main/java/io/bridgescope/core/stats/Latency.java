package io.bridgescope.core.stats;

import java.time.Instant;

/**
 * How long the messages one commitment (or checkpoint) covered waited for it, by block times.
 *
 * @param at when the commitment or checkpoint was mined
 * @param label "#12" for the 12th commitment, "epoch 7" for a checkpoint
 * @param meanSeconds mean wait of the messages it covered
 * @param maxSeconds longest wait among them
 * @param messages how many messages it covered
 */
public record Latency(
    Instant at, String label, double meanSeconds, long maxSeconds, long messages) {}
