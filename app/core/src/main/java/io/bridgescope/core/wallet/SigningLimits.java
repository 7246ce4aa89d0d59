package io.bridgescope.core.wallet;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What the user lets a signature cost and carry: the highest fee per gas, the highest gas limit,
 * and whether a call that is not a known bridge call may be signed at all.
 */
public record SigningLimits(BigInteger maxFeePerGas, long maxGasLimit, boolean allowUnknownCall) {

  /** 500 gwei: several times a busy Ethereum day; above it, a fee was most likely tampered with. */
  public static final long DEFAULT_MAX_FEE_GWEI = 500;

  /** Half an Ethereum block: far above an exit batch of a few dozen exits. */
  public static final long DEFAULT_MAX_GAS = 15_000_000;

  public static final SigningLimits DEFAULT =
      new SigningLimits(gwei(DEFAULT_MAX_FEE_GWEI), DEFAULT_MAX_GAS, false);

  /**
   * For transactions the wallet plans itself from the node's own fee answer: only the call is
   * checked, the fees are what the node asked for and the review shows them.
   */
  static final SigningLimits PLANNED =
      new SigningLimits(BigInteger.TWO.pow(256), Long.MAX_VALUE, false);

  public SigningLimits {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    if (maxFeePerGas.signum() <= 0 || maxGasLimit <= 0) {
      throw new IllegalArgumentException("fee and gas ceilings must be positive");
    }
  }

  public static BigInteger gwei(long gwei) {
    return BigInteger.valueOf(gwei).multiply(BigInteger.TEN.pow(9));
  }

  public SigningLimits withAllowUnknownCall(boolean allow) {
    return new SigningLimits(maxFeePerGas, maxGasLimit, allow);
  }
}
