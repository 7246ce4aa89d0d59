package io.bridgescope.desktop.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Erc20Amount;

/** The wallet forms' fields read on the FX thread, before anything is asked of a node. */
final class FormInputs {

  private FormInputs() {}

  /** An address field; the message names the field. */
  static Address address(String text, String what) {
    try {
      return Address.of(text.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The " + what + " is not an address (0x and 40 hex digits)");
    }
  }

  /**
   * An ERC-20 amount in whole tokens, checked for its form only (a positive plain number): the
   * token's own decimals are read from the chain by the preflight, on a worker.
   */
  static String wholeTokens(String text) {
    String whole = text.strip();
    Erc20Amount.whole(whole);
    return whole;
  }
}
