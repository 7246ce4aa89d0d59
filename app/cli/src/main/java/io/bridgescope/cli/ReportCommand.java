package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.report.AuditReport;
import io.bridgescope.core.report.AuditReports;
import io.bridgescope.core.report.ChainSolvencySource;
import io.bridgescope.core.report.ReportException;
import io.bridgescope.core.report.ReportFormat;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.store.Database;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bridgescope report --from A --to B --out report.pdf}: the audit report over child blocks
 * A..B (verdicts and their failures, rejected submissions, solvency at both ends, validator
 * participation with charts, and the command and index state that reproduce it) as PDF or HTML,
 * chosen by the file's extension.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write an audit report over child blocks --from..--to as PDF or HTML (by --out's"
            + " extension).")
public final class ReportCommand implements Callable<Integer> {

  @Mixin NetworkOption net;

  @Option(names = "--from", required = true, description = "First child block of the range.")
  long from;

  @Option(names = "--to", required = true, description = "Last child block of the range.")
  long to;

  @Option(
      names = "--threshold",
      defaultValue = "0.9",
      description = "Flag validators that signed less than this share (0..1, default 0.9).")
  double threshold;

  @Option(names = "--out", required = true, description = "The report file: name.pdf or name.html.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ReportFormat format;
    try {
      format = ReportFormat.of(out);
    } catch (ReportException e) {
      throw CliException.usage(String.valueOf(e.getMessage()));
    }
    NetworkProfile p = net.profile();
    Database db = net.openDatabase(p);
    AuditReport report;
    try (ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
      ChainGuard.refuseOtherChain(p, db, root, child);
      AuditReports reports =
          new AuditReports(
              p, db, new ChainSolvencySource(db, new Solvency(p, db, root, child), root, child));
      report =
          reports.collect(
              from,
              to,
              threshold,
              command(p),
              (done, total, what) -> {
                if (!net.json()) {
                  System.err.printf("[%d/%d] %s%n", done, total, what);
                }
              });
    } catch (ReportException e) {
      throw new CliException(e.code(), String.valueOf(e.getMessage()));
    }
    byte[] bytes;
    try {
      bytes = ReportFormat.write(report, out);
    } catch (ReportException e) {
      throw new CliException(e.code(), String.valueOf(e.getMessage()));
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    if (net.json()) {
      ObjectNode o = Json.object();
      o.put("network", p.name());
      o.put("fromBlock", from);
      o.put("toBlock", to);
      o.put("format", format.name().toLowerCase(Locale.ROOT));
      o.put("out", out.toAbsolutePath().toString());
      o.put("bytes", bytes.length);
      o.put("sha256", sha);
      o.put("command", report.command());
      Output.document(o);
    } else {
      System.out.printf(
          "wrote the %s report over child blocks %d..%d to %s (%d bytes, sha256 %s)%n",
          format.name(), from, to, out.toAbsolutePath(), bytes.length, sha);
    }
    return 0;
  }

  /** The command line that gives this report again. */
  private String command(NetworkProfile p) {
    StringBuilder b = new StringBuilder("./bridgescope report --network ").append(net.network);
    if (net.dataDirOption != null) {
      b.append(" --data-dir ").append(net.dataDirOption.toAbsolutePath());
    }
    return b.append(" --from ")
        .append(from)
        .append(" --to ")
        .append(to)
        .append(String.format(Locale.ROOT, " --threshold %s", threshold))
        .append(" --out ")
        .append(out.getFileName())
        .toString();
  }
}
