package io.bridgescope.cli.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope withdraw}: start a withdrawal on the child (ChildERC20Predicate.withdrawTo).
 */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = "Start a withdrawal on the child chain; claim it later with `exit`.")
public final class WithdrawCommand implements Callable<Integer> {

  @Mixin Actions actions;

  @Option(names = "--token", required = true, description = "Child token address.")
  String token;

  @Option(
      names = "--amount",
      required = true,
      description = "Amount in whole tokens (18 decimals), e.g. 1.5.")
  String amount;

  @Option(names = "--to", description = "Receiver on the root chain (default: the key's address).")
  String to;

  @Option(
      names = "--allow-burn",
      description = "Allow --to to be the zero address (the tokens are destroyed for good).")
  boolean allowBurn;

  @Override
  public Integer call() throws Exception {
    try (WalletOptions.Session s = actions.opts.open()) {
      Address from = actions.keyInfo().address();
      Address receiver = to == null ? from : Address.of(to);
      return actions.run(
          s,
          s.wallet()
              .bridge()
              .prepareWithdraw(
                  from, Address.of(token), receiver, Amounts.parseEther(amount), allowBurn));
    }
  }
}
