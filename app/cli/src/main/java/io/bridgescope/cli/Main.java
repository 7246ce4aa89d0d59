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
      TransfersCommand.class,
      CommitmentCommand.class,
      CheckpointCommand.class,
      ProofCommand.class,
      VerifyCommand.class,
      ExportEvidenceCommand.class,
      VerifyEvidenceCommand.class,
      ValidatorsCommand.class,
      SolvencyCommand.class,
      ReportCommand.class,
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

  /**
   * Runs one command line and returns its exit code (README.md, "CLI JSON"): 0 done, 1 an error, 2
   * bad arguments or a confirmation not given (and, for {@code verify}, problems found), 3 a sent
   * transaction failed on chain; {@code status} answers 1 when it is not healthy.
   */
  public static int run(String... args) {
    return run(cl -> {}, args);
  }

  /** {@link #run(String...)} with the command tree adjusted first (tests add failing verbs). */
  static int run(java.util.function.Consumer<CommandLine> adjust, String... args) {
    Output out = Output.begin(jsonRequested(args));
    try {
      CommandLine cl = commandLine(out);
      adjust.accept(cl);
      int code = cl.execute(args);
      return out.finish(code, verb(args));
    } finally {
      out.end();
    }
  }

  /** The command tree with the error handlers; tests walk it to find every verb. */
  static CommandLine commandLine() {
    return commandLine(Output.current());
  }

  private static CommandLine commandLine(Output out) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out.helpWriter());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Errors.report(ex));
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler(
        (ex, args) ->
            Output.json() ? Errors.reportUsage(ex) : usage.handleParseException(ex, args));
    return cl;
  }

  /** {@code --json} anywhere before a {@code --} end-of-options marker. */
  static boolean jsonRequested(String... args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  private static String verb(String... args) {
    StringBuilder b = new StringBuilder("bridgescope");
    for (String a : args) {
      if (a.startsWith("-")) {
        break;
      }
      b.append(' ').append(a);
    }
    return b.toString();
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
