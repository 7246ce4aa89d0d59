package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A contract call as the review shows it: contract, function and each argument in words. */
public record DecodedCall(
    String contractName, Address contract, String function, List<Arg> args, BigInteger value) {

  /** One argument: its name, Solidity type and a readable value. */
  public record Arg(String name, String type, String value) {}

  public DecodedCall {
    Objects.requireNonNull(contractName, "contractName");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
    Objects.requireNonNull(value, "value");
  }

  /** {@code ExitHelper(0x…).exit(blockNumber=40, …)}. */
  public String render() {
    return contractName
        + " ("
        + contract
        + ")."
        + function
        + "("
        + args.stream().map(a -> a.name() + "=" + a.value()).collect(Collectors.joining(", "))
        + ")"
        + (value.signum() == 0 ? "" : " with value " + Amounts.ether(value));
  }

  /**
   * The call {@code data} sent to {@code to} makes, decoded as the signer will decode it: planners
   * build their reviews' calls this way, so the review and the signer cannot disagree.
   */
  static DecodedCall of(
      Address to, byte[] data, io.bridgescope.core.network.BridgeContracts contracts) {
    CallDecoder.Call c = CallDecoder.decode(data, to, contracts).orElseThrow();
    return new DecodedCall(
        c.function().contractName, to, c.function().functionName(), c.args(), BigInteger.ZERO);
  }
}
