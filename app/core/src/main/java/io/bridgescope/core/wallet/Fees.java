package io.bridgescope.core.wallet;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a transaction pays per gas. EIP-1559 when the chain has a base fee: {@code maxFeePerGas} is
 * twice the base fee plus the tip, so it survives a few full blocks. Legacy otherwise: {@code
 * maxFeePerGas} is the gas price and the tip is zero.
 */
public record Fees(boolean eip1559, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

  public Fees {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    if (maxFeePerGas.signum() < 0 || maxPriorityFeePerGas.signum() < 0) {
      throw new IllegalArgumentException("fees must not be negative");
    }
  }

  public static Fees legacy(BigInteger gasPrice) {
    return new Fees(false, gasPrice, BigInteger.ZERO);
  }
}
