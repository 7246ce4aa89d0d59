package io.bridgescope.desktop.engine;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.report.AuditReport;
import io.bridgescope.core.report.AuditReports;
import io.bridgescope.core.report.ChainSolvencySource;
import io.bridgescope.core.report.ReportFormat;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.core.verify.ValidatorAccountability;
import io.bridgescope.desktop.ports.AccountabilitySource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The Accountability screen over the open session's index. */
final class EngineAccountability implements AccountabilitySource {

  private final SessionManager sessions;

  EngineAccountability(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean isConnected() {
    return sessions.current().isPresent();
  }

  @Override
  public ValidatorAccountability.Report report(long from, Optional<Long> to, double threshold) {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    SchemeSupport scheme = SchemeSupport.of(s.profile().blsScheme());
    return s.db()
        .read(
            c -> {
              long indexedTo =
                  new CursorDao(c).get(ChainRole.CHILD).map(Cursor::lastBlock).orElse(-1L);
              if (indexedTo < 0 || from > indexedTo) {
                // an unindexed range would read as "nobody signed anything": say so instead
                throw new IllegalArgumentException(
                    "the child chain is indexed to block "
                        + indexedTo
                        + "; blocks from "
                        + from
                        + " are not indexed yet");
              }
              return new ValidatorAccountability(c, scheme, s.profile().epochSize())
                  .report(from, to.orElse(indexedTo), threshold);
            });
  }

  @Override
  public ReportWritten writeReport(
      long from, Optional<Long> to, double threshold, Path out, AuditReports.Progress progress) {
    Session s =
        sessions.current().orElseThrow(() -> new IllegalStateException("no network is open"));
    ReportFormat.of(out); // a wrong name is refused before any work
    NetworkProfile p = s.profile();
    long end =
        to.orElseGet(
            () ->
                s.db()
                    .read(c -> new CursorDao(c).get(ChainRole.CHILD))
                    .map(Cursor::lastBlock)
                    .orElse(-1L));
    String command =
        String.format(
            Locale.ROOT,
            "./bridgescope report --network %s --from %d --to %d --threshold %s --out %s",
            p.name(),
            from,
            end,
            threshold,
            out.getFileName());
    try (ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
        ChainClient child = new ChainClient("child", p.child().primaryRpcUrl())) {
      AuditReports reports =
          new AuditReports(
              p,
              s.db(),
              new ChainSolvencySource(s.db(), new Solvency(p, s.db(), root, child), root, child));
      AuditReport r = reports.collect(from, end, threshold, command, progress);
      byte[] bytes = ReportFormat.write(r, out);
      return new ReportWritten(out, from, end, bytes.length);
    }
  }
}
