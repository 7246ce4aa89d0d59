package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import java.util.Objects;

/**
 * A token the Deposits/Exits token filter offers: a mapped token, named on its home chain as the
 * payloads name it, with words to show ("BUSD · ERC-20 · 0x1234…abcd").
 */
public record TokenChoice(Address token, String label) {

  public TokenChoice {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(label, "label");
  }

  @Override
  public String toString() {
    return label;
  }
}
