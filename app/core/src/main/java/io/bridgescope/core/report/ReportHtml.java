package io.bridgescope.core.report;

import io.bridgescope.core.asset.TokenAmounts;
import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.report.AuditReport.ChainState;
import io.bridgescope.core.report.AuditReport.Failure;
import io.bridgescope.core.report.AuditReport.KindCounts;
import io.bridgescope.core.report.AuditReport.SolvencyPoint;
import io.bridgescope.core.solvency.SolvencyReport;
import io.bridgescope.core.solvency.TokenSolvency;
import io.bridgescope.core.store.SubmissionRevertDao.Rejected;
import io.bridgescope.core.store.rows.VerdictKind;
import io.bridgescope.core.verify.Concentration;
import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SetChange;
import io.bridgescope.core.verify.ValidatorAccountability;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@link AuditReport} as one self-contained XHTML document (charts inlined as PNG data URIs),
 * which browsers show and {@link ReportPdf} lays out. No clock is read: the same report gives the
 * same bytes.
 */
public final class ReportHtml {

  private static final String CSS =
      "@page { size: A4; margin: 14mm; }"
          + " body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #212121; }"
          + " h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 16pt; }"
          + " h3 { font-size: 10pt; } h2, h3 { page-break-after: avoid; }"
          + " table { border-collapse: collapse; width: 100%; margin: 4pt 0; table-layout: fixed; }"
          + " th, td { border: 0.5pt solid #9e9e9e; padding: 2pt 3pt; text-align: left;"
          + " vertical-align: top; }"
          + " th { background: #eeeeee; } td.n { text-align: right; }"
          + " .hex { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; word-wrap: break-word; }"
          + " .bad { color: #b71c1c; font-weight: bold; } .note { color: #424242; }"
          + " pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; white-space: pre-wrap;"
          + " word-wrap: break-word; background: #f5f5f5; padding: 4pt; }"
          + " img { display: block; margin: 4pt 0; page-break-inside: avoid; }";

  private final StringBuilder out = new StringBuilder(32_768);

  private ReportHtml() {}

  /** The report as XHTML (UTF-8 when written). */
  public static String render(AuditReport r) {
    ReportHtml h = new ReportHtml();
    h.document(r);
    return h.out.toString();
  }

  private void document(AuditReport r) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n")
        .append("<head><meta charset=\"UTF-8\"/><title>")
        .append(esc(title(r)))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head>\n<body>\n");
    out.append("<h1>").append(esc(title(r))).append("</h1>\n");
    reproduce(r);
    verdicts(r);
    rejected(r.rejected());
    solvency("Solvency at the start", r.solvencyStart(), r);
    solvency("Solvency at the end", r.solvencyEnd(), r);
    validators(r.validators());
    out.append("</body>\n</html>\n");
  }

  static String title(AuditReport r) {
    return "Bridgescope audit report: "
        + r.network()
        + ", child blocks "
        + r.fromBlock()
        + ".."
        + r.toBlock();
  }

  private void reproduce(AuditReport r) {
    h2("How to reproduce this report");
    p("Run this command against an index at the heads below; it gives the same report:");
    out.append("<pre>").append(esc(r.command())).append("</pre>\n");
    out.append("<table><tr><th>chain</th><th>chain id</th><th>genesis hash</th>")
        .append("<th>indexed to block</th><th>head block hash</th></tr>\n");
    chain(r.index().root());
    chain(r.index().child());
    out.append("</table>\n");
    p("Index schema version " + r.index().schemaVersion() + ".");
  }

  private void chain(ChainState s) {
    out.append("<tr><td>").append(s.chain().key()).append("</td><td class=\"n\">");
    out.append(s.pin().map(p -> Long.toString(p.chainId())).orElse("not pinned"));
    out.append("</td><td class=\"hex\">");
    out.append(s.pin().map(p -> p.genesisHash().toString()).orElse("not pinned"));
    out.append("</td><td class=\"n\">");
    out.append(s.cursor().isPresent() ? Long.toString(s.head()) : "not indexed");
    out.append("</td><td class=\"hex\">");
    out.append(s.cursor().map(c -> c.lastBlockHash().toString()).orElse(""));
    out.append("</td></tr>\n");
  }

  private void verdicts(AuditReport r) {
    h2("Commitments and checkpoints");
    out.append("<table><tr><th>kind</th><th>verified</th><th>mismatched</th>")
        .append("<th>invalid (signature / no quorum)</th><th>pending</th>")
        .append("<th>not verified yet</th><th>total</th></tr>\n");
    for (KindCounts k : r.counts()) {
      out.append("<tr><td>").append(plural(k.kind())).append("</td>");
      cell(k.verified());
      cell(k.mismatch());
      out.append("<td class=\"n\">")
          .append(k.invalid())
          .append(" (")
          .append(k.invalidSignature())
          .append(" / ")
          .append(k.noQuorum())
          .append(")</td>");
      cell(k.pending());
      cell(k.unverified());
      cell(k.total());
      out.append("</tr>\n");
    }
    out.append("</table>\n");
    p(
        "A commitment counts in the range by the child block that carries it, a checkpoint by the"
            + " child block it checkpoints.");
    if (r.failures().isEmpty()) {
      p("Every verdict in the range is \"verified\": no failure to list.");
      return;
    }
    h3("Each failure and its reason (" + r.failures().size() + ")");
    out.append("<table><tr><th>kind</th><th>subject</th><th>child block</th>")
        .append("<th>transaction</th><th>verdict</th><th>reason</th></tr>\n");
    for (Failure f : r.failures()) {
      out.append("<tr><td>")
          .append(f.kind().key())
          .append("</td><td>")
          .append(esc(f.subject()))
          .append("</td><td class=\"n\">")
          .append(f.childBlock())
          .append("</td><td class=\"hex\">")
          .append(f.tx())
          .append("</td><td class=\"bad\">")
          .append(f.status().key())
          .append("</td><td>")
          .append(esc(f.reason()))
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void rejected(List<Rejected> rejected) {
    h2("Rejected checkpoint submissions");
    if (rejected.isEmpty()) {
      p("The root chain rejected no checkpoint submission for this range.");
      return;
    }
    out.append("<table><tr><th>root block</th><th>epoch</th><th>submitter</th>")
        .append("<th>transaction</th><th>reason</th><th>reason from</th></tr>\n");
    for (Rejected x : rejected) {
      out.append("<tr><td class=\"n\">")
          .append(x.blockNumber())
          .append("</td><td class=\"n\">")
          .append(x.epoch())
          .append("</td><td class=\"hex\">")
          .append(x.submitter())
          .append("</td><td class=\"hex\">")
          .append(x.submitTx())
          .append("</td><td>")
          .append(esc(x.reason()))
          .append("</td><td>")
          .append(esc(x.source()))
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void solvency(String heading, SolvencyPoint point, AuditReport report) {
    h2(heading + " (child block " + point.childBlock() + ")");
    if (point.unavailable().isPresent()) {
      out.append("<p class=\"bad\">Not available: ")
          .append(esc(point.unavailable().get()))
          .append("</p>\n");
      return;
    }
    SolvencyReport r = point.report().orElseThrow();
    p(
        "Escrow read at root block "
            + r.rootBlock()
            + " (the last root block not after child block "
            + r.childBlock()
            + "), supply at child block "
            + r.childBlock()
            + ", in flight from the index at those blocks. Amounts in the token's own decimals, or in its"
            + " smallest units where the index knows no decimals (the unit column says which).");
    if (r.unsettled().isPresent()) {
      out.append("<p class=\"bad\">No verdict at this moment: ")
          .append(esc(r.unsettled().get()))
          .append("</p>\n");
    } else if (r.tokens().isEmpty()) {
      p("No deposit or withdrawal had been made by then.");
      return;
    } else {
      out.append(r.solvent() ? "<p>Every token balances.</p>\n" : "<p class=\"bad\">INSOLVENT: ")
          .append(r.solvent() ? "" : r.deficits().size() + " token(s) in deficit.</p>\n");
    }
    out.append("<table><tr><th>root token</th><th>child token</th><th>unit</th><th>escrow</th>")
        .append("<th>child supply</th><th>deposits in flight (failed)</th>")
        .append("<th>exits in flight (failed)</th><th>difference</th><th>status</th></tr>\n");
    for (TokenSolvency t : r.tokens()) {
      Optional<TokenMetadata> meta = report.metadataOf(t);
      // ERC-721 rows count ids and ERC-1155 amounts are whole: never scaled
      Optional<TokenMetadata> scale =
          t.kind() == io.bridgescope.core.solvency.AssetKind.ERC20 ? meta : Optional.empty();
      out.append("<tr><td class=\"hex\">")
          .append(t.rootToken())
          .append("</td><td class=\"hex\">")
          .append(t.childToken().map(Object::toString).orElse("not mapped"))
          .append("</td><td>")
          .append(esc(unit(t, meta)))
          .append("</td><td class=\"n\">")
          .append(amount(t.escrow(), scale))
          .append("</td><td class=\"n\">")
          .append(amount(t.childSupply(), scale))
          .append("</td><td class=\"n\">")
          .append(amount(t.depositsInFlight(), scale))
          .append(" (")
          .append(amount(t.depositsFailed(), scale))
          .append(")</td><td class=\"n\">")
          .append(amount(t.exitsInFlight(), scale))
          .append(" (")
          .append(amount(t.exitsFailed(), scale))
          .append(")</td><td class=\"n\">")
          .append(amount(t.difference(), scale))
          .append("</td><td")
          .append(t.status() == TokenSolvency.Status.BALANCED ? ">" : " class=\"bad\">")
          .append(r.unsettled().isPresent() ? "unsettled" : t.status().key())
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void validators(ValidatorAccountability.Report v) {
    h2("Validator participation");
    p(
        v.timeline().size()
            + " commitments and checkpoints signed in child blocks "
            + v.fromBlock()
            + ".."
            + v.toBlock()
            + String.format(
                Locale.ROOT,
                "; validators that signed less than %.0f%% of what their set had to sign are"
                    + " flagged.",
                v.threshold() * 100));
    if (v.participation().isEmpty()) {
      p("No validator had anything to sign in this range, so there is no chart to draw.");
    } else {
      chart(ReportCharts.participation(v.participation(), v.threshold()));
      chart(ReportCharts.timeline(v.participation(), v.timeline()));
      out.append("<table><tr><th>validator</th><th>signed</th><th>missed</th>")
          .append("<th>eligible</th><th>share</th></tr>\n");
      for (Participation x : v.participation()) {
        out.append("<tr><td class=\"hex\">").append(x.address()).append("</td>");
        cell(x.signed());
        cell(x.missed());
        cell(x.eligible());
        out.append(x.belowThreshold() ? "<td class=\"n bad\">" : "<td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.1f%%", x.ratio() * 100))
            .append(x.belowThreshold() ? " (below)" : "")
            .append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    h3("Validator sets and concentration");
    out.append("<table><tr><th>set</th><th>from epoch</th><th>validators</th>")
        .append("<th>total power</th><th>fewest over 1/3</th><th>fewest over 2/3</th>")
        .append("<th>change</th></tr>\n");
    for (SetChange c : v.history()) {
      Concentration k = c.concentration();
      out.append("<tr><td>").append(esc(c.label())).append("</td>");
      cell(c.fromEpoch());
      cell(k.validators());
      out.append("<td class=\"n\">").append(k.totalPower()).append("</td>");
      cell(k.exceedingOneThird());
      cell(k.exceedingTwoThirds());
      out.append("<td>")
          .append(c.added().size())
          .append(" added, ")
          .append(c.removed().size())
          .append(" removed, ")
          .append(c.changed().size())
          .append(" changed power</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void chart(ReportCharts.Chart c) {
    h3(c.title());
    out.append("<img src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(c.png()))
        .append("\" width=\"")
        .append(c.width())
        .append("\" height=\"")
        .append(c.height())
        .append("\" alt=\"")
        .append(esc(c.title() + ": " + c.caption()))
        .append("\"/>\n");
    p(c.caption() + ".");
  }

  private static String plural(VerdictKind k) {
    return k == VerdictKind.COMMITMENT ? "commitments" : "checkpoints";
  }

  private void cell(long n) {
    out.append("<td class=\"n\">").append(n).append("</td>");
  }

  private void h2(String s) {
    out.append("<h2>").append(esc(s)).append("</h2>\n");
  }

  private void h3(String s) {
    out.append("<h3>").append(esc(s)).append("</h3>\n");
  }

  private void p(String s) {
    out.append("<p>").append(esc(s)).append("</p>\n");
  }

  /** The unit column: the symbol with its decimals, or "raw units" when none are known. */
  private static String unit(TokenSolvency t, Optional<TokenMetadata> meta) {
    if (t.kind() == io.bridgescope.core.solvency.AssetKind.ERC721) {
      return meta.flatMap(TokenMetadata::symbol).map(s -> s + " ").orElse("") + "ids (ERC-721)";
    }
    if (t.id().isPresent()) {
      return "id " + t.id().get() + " (ERC-1155)";
    }
    if (meta.isEmpty() || meta.get().decimals().isEmpty()) {
      return "raw units";
    }
    TokenMetadata m = meta.get();
    return m.symbol().orElse("(no symbol)") + ", " + m.decimals().getAsInt() + " decimals";
  }

  private static String amount(java.math.BigInteger v, Optional<TokenMetadata> meta) {
    return TokenAmounts.number(v, meta.map(TokenMetadata::decimals).orElse(OptionalInt.empty()));
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t') {
            b.append("\uFFFD");
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
