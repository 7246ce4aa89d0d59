package io.bridgescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.evidence.EvidenceBundle;
import io.bridgescope.core.evidence.EvidenceCheck;
import io.bridgescope.core.evidence.EvidenceChecker;
import io.bridgescope.core.evidence.EvidenceJson;
import io.bridgescope.core.evidence.EvidenceReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bridgescope verify-evidence FILE}: re-checks an evidence bundle with no network and no
 * index (ADR 0015) and says what it proves and what it does not. Exit 0 if every check passes, 2 if
 * one fails, 1 if the file cannot be read as a bundle.
 */
@Command(
    name = "verify-evidence",
    mixinStandardHelpOptions = true,
    description =
        "Re-check an evidence bundle offline: leaves -> root, aggregate BLS signature, quorum,"
            + " exporter signature; say what it proves and what it does not.")
public final class VerifyEvidenceCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (export-evidence).")
  Path file;

  @Option(
      names = "--json",
      description = "Print one JSON document (shapes and errors documented in README.md).")
  boolean json;

  // Every verb takes --data-dir so scripts can pass it uniformly; this one reads nothing from it.
  @Option(names = "--data-dir", hidden = true)
  Path unusedDataDir;

  @Override
  public Integer call() throws Exception {
    EvidenceReport r = EvidenceChecker.check(EvidenceJson.read(file));
    EvidenceBundle b = r.bundle();
    if (json) {
      ObjectNode o = Json.object();
      o.put("file", file.toString());
      o.put("valid", r.valid());
      o.put("kind", b.kind().key());
      o.put("network", b.network());
      o.put("transaction", b.transaction().toString());
      if (b.exporter().isPresent()) {
        o.put("exporter", b.exporter().get().address().toString());
      } else {
        o.putNull("exporter");
      }
      ArrayNode checks = o.putArray("checks");
      for (EvidenceCheck c : r.checks()) {
        checks
            .addObject()
            .put("name", c.name())
            .put("passed", c.passed())
            .put("detail", c.detail());
      }
      ArrayNode failed = o.putArray("failed");
      r.failed().forEach(c -> failed.add(c.name()));
      ArrayNode proves = o.putArray("proves");
      if (r.valid()) {
        r.proves().forEach(proves::add);
      }
      ArrayNode not = o.putArray("doesNotProve");
      r.doesNotProve().forEach(not::add);
      Output.document(o);
    } else {
      System.out.println(
          b.kind().key() + " " + b.transaction() + " on " + b.network() + " (" + b.scheme() + ")");
      for (EvidenceCheck c : r.checks()) {
        System.out.println("  " + (c.passed() ? "ok   " : "FAIL ") + c.name() + ": " + c.detail());
      }
      if (r.valid()) {
        System.out.println("It proves:");
        r.proves().forEach(p -> System.out.println("  - " + p));
      } else {
        System.out.println(
            "It proves nothing: "
                + r.failed().stream().map(EvidenceCheck::name).toList()
                + " failed.");
      }
      System.out.println("It does not prove:");
      r.doesNotProve().forEach(p -> System.out.println("  - " + p));
    }
    return r.valid() ? 0 : Errors.EXIT_USAGE;
  }
}
