package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/**
 * A state-sync commitment on the child chain.
 *
 * @param verdict the verifier's badge text ("verified", "root mismatch", "not verified yet")
 */
public record CommitmentRow(
    long number, BigInteger startId, BigInteger endId, Hash32 root, String verdict) {}
