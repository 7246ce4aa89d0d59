package io.bridgescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./bridgescope <verb>}: the command-line face of Bridgescope. */
@Command(
    name = "bridgescope",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Explorer and withdrawal wallet for Polygon Edge supernet bridges.",
    subcommands = {
      DemoCommand.class,
      IndexCommand.class,
      StatusCommand.class,
      DepositsCommand.class,
      ExitsCommand.class,
      CommitmentCommand.class,
      CheckpointCommand.class,
      ProofCommand.class,
      VerifyCommand.class,
      NetworksCommand.class,
      io.bridgescope.cli.wallet.KeysCommand.class,
      io.bridgescope.cli.wallet.WithdrawCommand.class,
      io.bridgescope.cli.wallet.ExitCommand.class,
      io.bridgescope.cli.wallet.DepositCommand.class,
      io.bridgescope.cli.wallet.SelfExecuteCommand.class,
      io.bridgescope.cli.wallet.TxCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("bridgescope: " + ex.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
