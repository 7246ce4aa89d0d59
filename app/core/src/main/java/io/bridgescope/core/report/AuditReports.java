package io.bridgescope.core.report;

import io.bridgescope.core.asset.TokenHome;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.report.AuditReport.ChainState;
import io.bridgescope.core.report.AuditReport.IndexState;
import io.bridgescope.core.report.AuditReport.SolvencyPoint;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.SubmissionRevertDao.Rejected;
import io.bridgescope.core.store.TokenDao;
import io.bridgescope.core.verify.SchemeSupport;
import io.bridgescope.core.verify.ValidatorAccountability;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects an {@link AuditReport} over child blocks {@code from..to} from the index. A range that
 * reaches past the child chain's indexed head is refused with {@code not_indexed}: a report says
 * what the index holds, never zeros for blocks it has not read.
 */
public final class AuditReports {

  /** Told each step as it starts: {@code done} of {@code total} steps, and what runs now. */
  @FunctionalInterface
  public interface Progress {
    void step(int done, int total, String what);

    Progress NONE = (done, total, what) -> {};
  }

  /** Solvency at a child block and the root block of the same moment. */
  @FunctionalInterface
  public interface SolvencySource {
    SolvencyPoint at(long childBlock);
  }

  private static final int STEPS = 5;

  private final NetworkProfile profile;
  private final Database db;
  private final SolvencySource solvency;

  public AuditReports(NetworkProfile profile, Database db, SolvencySource solvency) {
    this.profile = profile;
    this.db = db;
    this.solvency = solvency;
  }

  /**
   * The report over child blocks {@code from..to}; {@code threshold} in [0, 1] flags validators
   * that signed a smaller share; {@code command} is the command line that reproduces it.
   *
   * @throws ReportException {@code bad_range} or {@code not_indexed}
   */
  public AuditReport collect(
      long from, long to, double threshold, String command, Progress progress) {
    if (from < 0 || to < from) {
      throw new ReportException(
          "bad_range", "the range " + from + ".." + to + " is not one: need 0 <= from <= to");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new ReportException(
          "bad_range", "the threshold must be between 0 and 1, not " + threshold);
    }
    progress.step(0, STEPS, "reading the index state");
    int schema = db.schemaVersion();
    IndexState index = db.read(c -> indexState(c, schema));
    long head = index.child().head();
    if (to > head) {
      throw new ReportException(
          "not_indexed",
          head < 0
              ? "the child chain is not indexed at all yet: run `./bridgescope index` first"
              : String.format(
                  Locale.ROOT,
                  "child blocks %d..%d are not indexed yet (the index has reached child block %d):"
                      + " index further or end the report at block %d",
                  Math.max(from, head + 1),
                  to,
                  head,
                  head));
    }
    progress.step(1, STEPS, "counting verdicts and rejected submissions");
    record Read(ReportQueries.Verdicts verdicts, List<Rejected> rejected) {}
    Read read =
        db.read(
            c -> {
              ReportQueries q = new ReportQueries(c, from, to);
              return new Read(q.verdicts(), q.rejected());
            });
    progress.step(2, STEPS, "validator participation");
    SchemeSupport scheme = SchemeSupport.of(profile.blsScheme());
    ValidatorAccountability.Report validators =
        db.read(
            c ->
                new ValidatorAccountability(c, scheme, profile.epochSize())
                    .report(from, to, threshold));
    progress.step(3, STEPS, "solvency at child block " + from);
    SolvencyPoint start = solvency.at(from);
    progress.step(4, STEPS, "solvency at child block " + to);
    SolvencyPoint end = solvency.at(to);
    List<TokenMetadata> tokens = db.read(c -> metadata(c, List.of(start, end)));
    progress.step(STEPS, STEPS, "done");
    return new AuditReport(
        profile.name(),
        from,
        to,
        threshold,
        command,
        index,
        read.verdicts().counts(),
        read.verdicts().failures(),
        read.rejected(),
        start,
        end,
        validators,
        tokens);
  }

  /**
   * The decimals and symbol of every token in the solvency rows, from the index only: the metadata
   * read from the contract, else the token's MAP_TOKEN message; a token with neither is left out
   * (its amounts are shown raw, said so).
   */
  private static List<TokenMetadata> metadata(Connection c, List<SolvencyPoint> points)
      throws SQLException {
    TokenDao dao = new TokenDao(c);
    java.util.Map<String, TokenMetadata> out = new java.util.TreeMap<>();
    for (SolvencyPoint p : points) {
      for (TokenSolvency t : p.report().map(SolvencyReport::tokens).orElse(List.of())) {
        ChainRole home = t.home() == TokenHome.CHILD ? ChainRole.CHILD : ChainRole.ROOT;
        Address token =
            home == ChainRole.CHILD ? t.childToken().orElse(t.rootToken()) : t.rootToken();
        String key = home + ":" + token;
        if (!out.containsKey(key)) {
          Optional<TokenMetadata> read = dao.metadata(home, token);
          Optional<TokenMetadata> m =
              read.isPresent() && read.get().decimals().isPresent()
                  ? read
                  : dao.fromMapping(home, token).or(() -> read);
          m.ifPresent(v -> out.put(key, v));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static IndexState indexState(Connection c, int schema) throws SQLException {
    CursorDao cursors = new CursorDao(c);
    ChainIdentityDao pins = new ChainIdentityDao(c);
    return new IndexState(
        schema,
        new ChainState(ChainRole.ROOT, cursors.get(ChainRole.ROOT), pins.get(ChainRole.ROOT)),
        new ChainState(ChainRole.CHILD, cursors.get(ChainRole.CHILD), pins.get(ChainRole.CHILD)));
  }
}
