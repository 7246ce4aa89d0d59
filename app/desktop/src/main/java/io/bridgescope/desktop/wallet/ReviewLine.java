package io.bridgescope.desktop.wallet;

import java.util.Objects;

/**
 * One line of a review, preflight or result as the wizard shows it; {@code kind} picks the look.
 */
public record ReviewLine(Kind kind, String text) {

  /** How a line is drawn. */
  public enum Kind {
    /** A transaction step: chain and summary. */
    STEP,
    /** The decoded call: contract, address and function. */
    CALL,
    /** One argument of the call. */
    ARG,
    /** Nonce, gas and the most it can cost in the native token. */
    FEE,
    CHECK_PASSED,
    CHECK_FAILED,
    NOTE,
    RESULT_OK,
    RESULT_FAILED
  }

  public ReviewLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** The mark drawn before the text. */
  public String mark() {
    return switch (kind) {
      case CHECK_PASSED, RESULT_OK -> "✓";
      case CHECK_FAILED, RESULT_FAILED -> "✗";
      case NOTE -> "i";
      case ARG -> "·";
      default -> "";
    };
  }
}
