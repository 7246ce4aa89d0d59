package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/**
 * A withdrawal (child -> root exit) as the Exits table lists it.
 *
 * @param status lifecycle step in user words: Sent, Checkpointed, Exited
 */
public record ExitRow(
    BigInteger exitId,
    String status,
    Address sender,
    Address receiver,
    String amount,
    long childBlock,
    Hash32 txHash) {}
