package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.asset.TokenScale;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.LifecycleService;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ./bridgescope exits [--address A]}: exits (withdrawals) with their status. */
@Command(
    name = "exits",
    mixinStandardHelpOptions = true,
    description = "Exits (child to root) with status, reason and next step.")
public final class ExitsCommand extends MessageListCommand<ExitStatus> {

  @Override
  String noun() {
    return "exits";
  }

  @Override
  List<ExitStatus> page(LifecycleService life, Optional<BigInteger> before, int limit) {
    return life.exits(before, limit);
  }

  @Override
  List<ExitStatus> byAddress(
      LifecycleService life, Address a, Optional<BigInteger> before, int limit) {
    return life.exitsByAddress(a, before, limit);
  }

  @Override
  ObjectNode json(ExitStatus row, TokenScale scale) {
    return Render.exit(row, scale);
  }

  @Override
  java.util.Map<String, io.bridgescope.core.network.ChainRole> eventChains() {
    return java.util.Map.of("sent", io.bridgescope.core.network.ChainRole.CHILD);
  }

  @Override
  String line(ExitStatus row, TokenScale scale) {
    return Render.oneLine(row, scale);
  }
}
