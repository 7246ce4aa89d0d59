package io.bridgescope.cli.wallet;

import io.bridgescope.core.wallet.Inspection;
import io.bridgescope.core.wallet.SigningLimits;
import java.io.PrintStream;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * The limits of the air-gapped verbs ({@code tx export/sign/send}): the fee and gas ceilings and
 * {@code --allow-unknown-call}. The same limits must be given to each of the three.
 */
public final class SigningOptions {

  @Option(
      names = "--max-fee-gwei",
      defaultValue = "" + SigningLimits.DEFAULT_MAX_FEE_GWEI,
      description = "Refuse a max fee (or gas price) per gas above this many gwei. Default: 500.")
  long maxFeeGwei;

  @Option(
      names = "--max-gas",
      defaultValue = "" + SigningLimits.DEFAULT_MAX_GAS,
      description = "Refuse a gas limit above this. Default: 15000000.")
  long maxGas;

  @Option(
      names = "--allow-unknown-call",
      description =
          "Sign (or send) a call that is not a known bridge call to the network's contracts."
              + " Prints a red warning; the fee ceilings, chain id and proofs are still checked.")
  boolean allowUnknownCall;

  SigningLimits limits() {
    if (maxFeeGwei <= 0 || maxGas <= 0) {
      throw new IllegalArgumentException("--max-fee-gwei and --max-gas must be positive");
    }
    return new SigningLimits(SigningLimits.gwei(maxFeeGwei), maxGas, allowUnknownCall);
  }

  /**
   * Prints the review decoded from the bytes; if {@code --allow-unknown-call} let problems through,
   * a red warning naming each. Red on a terminal unless {@code NO_COLOR} is set; {@code
   * -Dpicocli.ansi=true|false} decides instead when given.
   */
  static void print(Inspection i, PrintStream out) {
    Ansi ansi = colour() ? Ansi.ON : Ansi.OFF;
    i.lines().forEach(out::println);
    i.warnings().forEach(w -> out.println("  ! " + w));
    if (!i.waived().isEmpty()) {
      out.println(
          ansi.string(
              "@|bold,red WARNING: --allow-unknown-call: this is NOT a known bridge call to the"
                  + " network's contracts. Sign it only if you know exactly what it does:|@"));
      i.waived().forEach(p -> out.println(ansi.string("@|red   ! " + escape(p.toString()) + "|@")));
    }
    i.blocking().forEach(p -> out.println("  ✗ " + p));
  }

  private static boolean colour() {
    String forced = System.getProperty("picocli.ansi");
    if (forced != null) {
      return Boolean.parseBoolean(forced);
    }
    return System.getenv("NO_COLOR") == null && System.console() != null;
  }

  /** Picocli markup in decoded text (a token name, a message) must not be read as markup. */
  private static String escape(String s) {
    return s.replace("@|", "@ |").replace("|@", "| @");
  }
}
