package io.bridgescope.desktop.quorum;

import java.math.BigInteger;

/** A row of the quorum table. */
public record ValidatorRow(
    int index, String address, BigInteger votingPower, double sharePercent, boolean signed) {}
