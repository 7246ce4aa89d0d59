package io.bridgescope.cli.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.Amounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bridgescope deposit}: approve (if needed) and depositTo on the root predicate. */
@Command(
    name = "deposit",
    mixinStandardHelpOptions = true,
    description = "Deposit a root token to the child chain (approve + depositTo).")
public final class DepositCommand implements Callable<Integer> {

  @Mixin Actions actions;

  @Option(names = "--token", required = true, description = "Root token address.")
  String token;

  @Option(
      names = "--amount",
      required = true,
      description = "Amount in whole tokens (18 decimals).")
  String amount;

  @Option(names = "--to", description = "Receiver on the child chain (default: the key's address).")
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
              .prepareDeposit(
                  from, Address.of(token), receiver, Amounts.parseEther(amount), allowBurn));
    }
  }
}
