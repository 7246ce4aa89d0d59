package io.bridgescope.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The report's file formats, chosen by the output file's extension. */
public enum ReportFormat {
  PDF,
  HTML;

  /**
   * The format for {@code out}: {@code .pdf}, or {@code .html}/{@code .htm}.
   *
   * @throws ReportException {@code bad_output} for any other name
   */
  public static ReportFormat of(Path out) {
    Path name = out.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".pdf")) {
      return PDF;
    }
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return HTML;
    }
    throw new ReportException(
        "bad_output", "the report's file must end in .pdf or .html, not '" + out + "'");
  }

  /**
   * Renders {@code r} in the format {@code out}'s name asks for and writes it there in one step (a
   * file beside it, then moved over it), so a reader never sees half a report.
   *
   * @return the bytes written
   * @throws ReportException {@code bad_output} or {@code write_failed}
   */
  public static byte[] write(AuditReport r, Path out) {
    byte[] bytes = of(out).render(r);
    Path dir = out.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp =
          Files.createTempFile(dir == null ? Path.of(".") : dir, ".bridgescope-report", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ReportException(
          "write_failed", "could not write the report to " + out + ": " + e.getMessage(), e);
    }
    return bytes;
  }

  /** The report's bytes in this format. */
  public byte[] render(AuditReport r) {
    return this == PDF
        ? ReportPdf.render(r)
        : ReportHtml.render(r).getBytes(StandardCharsets.UTF_8);
  }
}
