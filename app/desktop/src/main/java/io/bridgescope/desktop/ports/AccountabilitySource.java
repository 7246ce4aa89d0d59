package io.bridgescope.desktop.ports;

import io.bridgescope.core.report.AuditReports;
import io.bridgescope.core.verify.ValidatorAccountability;
import java.nio.file.Path;
import java.util.Optional;

/** Validator accountability over a child-block range; {@link #report} runs on a worker thread. */
public interface AccountabilitySource {

  boolean isConnected();

  /**
   * The report over child blocks {@code from..to} (to: the last indexed block when empty).
   *
   * @throws IllegalArgumentException when the range is not indexed yet or is empty, with a message
   *     that says so
   */
  ValidatorAccountability.Report report(long from, Optional<Long> to, double threshold)
      throws Exception;

  /**
   * Writes the audit report over child blocks {@code from..to} (to: the last indexed block when
   * empty) to {@code out}, PDF or HTML by its name; runs on a worker thread and tells {@code
   * progress} each step from there.
   *
   * @throws io.bridgescope.core.report.ReportException when the range is not indexed yet, is not a
   *     range, or the file cannot be written, with a message that says so
   */
  ReportWritten writeReport(
      long from, Optional<Long> to, double threshold, Path out, AuditReports.Progress progress)
      throws Exception;

  /** A report written: where, over which child blocks, how many bytes. */
  record ReportWritten(Path out, long fromBlock, long toBlock, int bytes) {}

  AccountabilitySource NOT_CONNECTED =
      new AccountabilitySource() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public ValidatorAccountability.Report report(
            long from, Optional<Long> to, double threshold) {
          throw new IllegalStateException("no network is open");
        }

        @Override
        public ReportWritten writeReport(
            long from,
            Optional<Long> to,
            double threshold,
            Path out,
            AuditReports.Progress progress) {
          throw new IllegalStateException("no network is open");
        }
      };
}
