package io.bridgescope.core.verify;

import io.bridgescope.core.model.Address;

/**
 * A validator's record over a range: of the {@code eligible} commitments and checkpoints its set
 * had to sign, how many carry its signature. {@code belowThreshold} flags a ratio under the
 * threshold asked for.
 */
public record Participation(
    Address address, int eligible, int signed, double ratio, boolean belowThreshold) {

  public int missed() {
    return eligible - signed;
  }
}
