package io.bridgescope.cli.wallet;

import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./bridgescope self-execute ID}: execute a committed deposit with a local proof. */
@Command(
    name = "self-execute",
    mixinStandardHelpOptions = true,
    description = "Execute a committed deposit on the child yourself, with a proof built locally.")
public final class SelfExecuteCommand implements Callable<Integer> {

  @Mixin Actions actions;

  @Parameters(index = "0", description = "Deposit (state sync) id.")
  BigInteger id;

  @Override
  public Integer call() throws Exception {
    try (WalletOptions.Session s = actions.opts.open()) {
      return actions.run(
          s, s.wallet().bridge().prepareSelfExecute(id, actions.keyInfo().address()));
    }
  }
}
