package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ./bridgescope deposits [--address A]}: deposits with their lifecycle status. */
@Command(
    name = "deposits",
    mixinStandardHelpOptions = true,
    description = "Deposits (root to child) with status, reason and next step.")
public final class DepositsCommand extends MessageListCommand<DepositStatus> {

  @Override
  String noun() {
    return "deposits";
  }

  @Override
  List<DepositStatus> page(LifecycleService life, Optional<BigInteger> before, int limit) {
    return life.deposits(before, limit);
  }

  @Override
  List<DepositStatus> byAddress(
      LifecycleService life, Address a, Optional<BigInteger> before, int limit) {
    return life.depositsByAddress(a, before, limit);
  }

  @Override
  ObjectNode json(DepositStatus row, TokenScale scale) {
    return Render.deposit(row, scale);
  }

  @Override
  java.util.Map<String, io.bridgescope.core.network.ChainRole> eventChains() {
    return java.util.Map.of(
        "sent",
        io.bridgescope.core.network.ChainRole.ROOT,
        "commitment",
        io.bridgescope.core.network.ChainRole.CHILD);
  }

  @Override
  String line(DepositStatus row, TokenScale scale) {
    return Render.oneLine(row, scale);
  }
}
