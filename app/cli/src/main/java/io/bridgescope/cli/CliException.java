package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * An error the CLI itself finds (a missing profile, an id not in the index, a confirmation not
 * given), with its stable JSON {@code code} (README.md, "CLI JSON") and the exit code to use.
 */
public final class CliException extends RuntimeException {

  private final String code;
  private final @Nullable String hint;
  private final transient @Nullable ObjectNode details;
  private final int exitCode;

  public CliException(String code, String message) {
    this(code, message, null, null, Errors.EXIT_ERROR, null);
  }

  public CliException(
      String code,
      @Nullable String message,
      @Nullable String hint,
      @Nullable ObjectNode details,
      int exitCode,
      @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
    this.hint = hint;
    this.details = details;
    this.exitCode = exitCode;
  }

  /** Bad arguments the parser could not catch (exit 2). */
  public static CliException usage(String message) {
    return new CliException("usage", message, null, null, Errors.EXIT_USAGE, null);
  }

  /** Something that needs a confirmation that was not given (exit 2). */
  public static CliException confirmationRequired(String message) {
    return new CliException("confirmation_required", message, null, null, Errors.EXIT_USAGE, null);
  }

  public String code() {
    return code;
  }

  public @Nullable String hint() {
    return hint;
  }

  public @Nullable ObjectNode details() {
    return details;
  }

  public int exitCode() {
    return exitCode;
  }
}
