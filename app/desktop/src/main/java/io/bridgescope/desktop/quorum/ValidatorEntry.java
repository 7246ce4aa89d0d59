package io.bridgescope.desktop.quorum;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;

/** One validator of the set a signature is checked against, in set order. */
public record ValidatorEntry(Address address, BigInteger votingPower) {}
