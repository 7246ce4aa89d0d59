package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The decoded ERC-20 part of a bridge message: a deposit's {@code (rootToken, depositor, receiver,
 * amount)} or a withdrawal's {@code (rootToken, withdrawer, receiver, amount)}.
 */
public record Erc20Transfer(Address rootToken, Address from, Address to, BigInteger amount) {

  public Erc20Transfer {
    Objects.requireNonNull(rootToken, "rootToken");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
  }
}
