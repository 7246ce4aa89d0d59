package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;

/**
 * A validator in the set of one epoch.
 *
 * @param participation share of that epoch's signatures it was part of, 0..1
 */
public record ValidatorSetRow(
    long epoch,
    int index,
    Address address,
    BigInteger votingPower,
    double sharePercent,
    double participation) {}
