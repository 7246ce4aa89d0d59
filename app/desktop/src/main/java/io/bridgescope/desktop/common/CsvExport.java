package io.bridgescope.desktop.common;

import io.bridgescope.desktop.ports.RowSource;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Writes a whole table as RFC 4180 CSV, page by page, on the calling (worker) thread. */
public final class CsvExport {

  private static final int PAGE = 2_000;

  private CsvExport() {}

  /** Returns the number of rows written. */
  public static <R> long write(
      Path file, List<String> headers, RowSource<R> source, Function<R, List<String>> cells)
      throws Exception {
    long n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      line(w, headers);
      for (int offset = 0; ; offset += PAGE) {
        List<R> rows = source.page(offset, PAGE);
        for (R r : rows) {
          line(w, cells.apply(r));
          n++;
        }
        if (rows.size() < PAGE) {
          return n;
        }
      }
    }
  }

  /**
   * Outside text (a token's symbol, which its contract chose): a leading formula character is
   * defused, so a spreadsheet shows it instead of evaluating it.
   */
  public static String text(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  static String field(String v) {
    String s = v == null ? "" : v;
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  private static void line(BufferedWriter w, List<String> values) throws java.io.IOException {
    w.write(String.join(",", values.stream().map(CsvExport::field).toList()));
    w.write("\r\n");
  }
}
