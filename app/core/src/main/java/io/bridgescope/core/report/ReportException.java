package io.bridgescope.core.report;

/**
 * Why a report cannot be made: {@code not_indexed} when the range reaches past the index (a report
 * never states zeros for blocks it has not read), {@code bad_range} for a range that is not one,
 * {@code write_failed} when the output cannot be written.
 */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  public ReportException(String code, String message) {
    super(message);
    this.code = code;
  }

  public ReportException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
