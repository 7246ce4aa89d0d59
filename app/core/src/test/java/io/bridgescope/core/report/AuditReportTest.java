package io.bridgescope.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.report.AuditReport.KindCounts;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.store.rows.VerdictStatus;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit report over a real SQLite index ({@link ReportIndexFixture}): its figures, the PDF's
 * pages rendered and their text extracted, the chart images present with the colours of the figures
 * they draw, the refusal of a range the index has not reached, and byte-identical output for the
 * same index. The nodes are unreachable here, so solvency must say it could not be read.
 */
class AuditReportTest {

  private static final URI NO_NODE = URI.create("http://127.0.0.1:9");

  @TempDir Path dir;
  ReportIndexFixture index;
  ChainClient root;
  ChainClient child;
  AuditReports reports;
  NetworkProfile profile;

  @BeforeEach
  void setUp() {
    index = new ReportIndexFixture(dir);
    profile =
        NetworkProfile.builder()
            .name("fixture")
            .root(new ChainConfig(31337, List.of(NO_NODE), 0))
            .child(new ChainConfig(100, List.of(NO_NODE), 0))
            .stateSender(Address.ofLow(0xa1))
            .checkpointManager(Address.ofLow(0xa2))
            .exitHelper(Address.ofLow(0xa3))
            .rootErc20Predicate(Address.ofLow(0xa4))
            .epochSize(10)
            .confirmations(1)
            .build();
    root = new ChainClient("root", NO_NODE);
    child = new ChainClient("child", NO_NODE);
    reports =
        new AuditReports(
            profile,
            index.db,
            new ChainSolvencySource(
                index.db, new Solvency(profile, index.db, root, child), root, child));
  }

  @AfterEach
  void tearDown() {
    root.close();
    child.close();
    index.close();
  }

  private AuditReport report(long from, long to) {
    return reports.collect(
        from,
        to,
        0.9,
        "./bridgescope report --from " + from + " --to " + to,
        AuditReports.Progress.NONE);
  }

  @Test
  void theFiguresComeFromTheIndexRange() {
    AuditReport r = report(0, 20);
    KindCounts commitments = r.counts().get(0);
    KindCounts checkpoints = r.counts().get(1);
    assertThat(commitments.verified()).isEqualTo(1);
    assertThat(commitments.mismatch()).isEqualTo(1);
    assertThat(commitments.total()).isEqualTo(2);
    assertThat(checkpoints.verified()).isEqualTo(1);
    assertThat(checkpoints.total()).isEqualTo(1);
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(VerdictStatus.MISMATCH);
              assertThat(f.reason()).isEqualTo(ReportIndexFixture.MISMATCH_REASON);
              assertThat(f.subject()).isEqualTo("state syncs 6..6");
              assertThat(f.childBlock()).isEqualTo(15);
            });
    assertThat(r.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason()).isEqualTo(ReportIndexFixture.REVERT_REASON));
    assertThat(r.index().child().head()).isEqualTo(ReportIndexFixture.CHILD_HEAD);
    assertThat(r.index().root().pin())
        .hasValueSatisfying(p -> assertThat(p.chainId()).isEqualTo(31337));
    assertThat(r.solvencyStart().unavailable())
        .hasValueSatisfying(why -> assertThat(why).contains("could not be read from the nodes"));
    assertThat(r.validators().timeline()).hasSize(3);

    // a narrower range leaves out what lies outside it
    AuditReport early = report(0, 9);
    assertThat(early.counts().get(0).total()).isEqualTo(1);
    assertThat(early.counts().get(1).total()).isZero();
    assertThat(early.failures()).isEmpty();
    assertThat(early.rejected()).isEmpty();
  }

  @Test
  void thePdfPagesCarryTheFiguresTheReasonsTheIndexStateAndTheCharts() throws Exception {
    AuditReport r = report(0, 20);
    byte[] pdf = ReportPdf.render(r);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isPositive();
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, 72);
        assertThat(nonWhite(page)).as("page %d has ink", i + 1).isGreaterThan(1000);
        // kept for a human to look at (CI keeps target/ as an artifact)
        Path pages = Path.of("target", "report-pages");
        java.nio.file.Files.createDirectories(pages);
        javax.imageio.ImageIO.write(
            page, "png", pages.resolve("page-" + (i + 1) + ".png").toFile());
      }
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Bridgescope audit report: fixture, child blocks 0..20")
          .contains("./bridgescope report --from 0 --to 20")
          .contains(ReportIndexFixture.MISMATCH_REASON)
          .contains(ReportIndexFixture.REVERT_REASON)
          .contains("mismatch")
          .contains("31337")
          .contains(ReportIndexFixture.hash(99).toString().substring(0, 20))
          .contains("Not available: could not be read from the nodes")
          .contains("Participation")
          .contains("Signing timeline");
      List<BufferedImage> charts = images(doc);
      assertThat(charts).hasSize(2);
      // validator 0x103 signed 1 of its 3 (below 90 %): its bar is red; the others have green
      assertThat(charts).allSatisfy(img -> assertThat(has(img, ReportCharts.SIGNED)).isTrue());
      assertThat(charts).allSatisfy(img -> assertThat(has(img, ReportCharts.MISSED)).isTrue());
    }
  }

  @Test
  void solvencyAmountsUseTheTokensDecimalsAndSayRawUnitsOnlyWithoutThem() throws Exception {
    Address busd = Address.ofLow(0xb05d);
    Address unknown = Address.ofLow(0xdead);
    index.write(
        c ->
            new io.bridgescope.core.store.TokenDao(c)
                .putMetadata(
                    new io.bridgescope.core.asset.TokenMetadata(
                        io.bridgescope.core.network.ChainRole.ROOT,
                        busd,
                        java.util.Optional.of("Bridged USD"),
                        java.util.Optional.of("BUSD"),
                        java.util.OptionalInt.of(6),
                        java.util.Optional.empty()),
                    0L));
    java.math.BigInteger z = java.math.BigInteger.ZERO;
    io.bridgescope.core.solvency.TokenSolvency six =
        new io.bridgescope.core.solvency.TokenSolvency(
            io.bridgescope.core.solvency.AssetKind.ERC20,
            busd,
            java.util.Optional.of(Address.ofLow(0xc05d)),
            java.math.BigInteger.valueOf(24_691_356),
            java.math.BigInteger.valueOf(12_345_678),
            java.math.BigInteger.valueOf(12_345_678),
            z,
            z,
            z);
    io.bridgescope.core.solvency.TokenSolvency raw =
        new io.bridgescope.core.solvency.TokenSolvency(
            io.bridgescope.core.solvency.AssetKind.ERC20,
            unknown,
            java.util.Optional.empty(),
            java.math.BigInteger.valueOf(1_500_000),
            z,
            java.math.BigInteger.valueOf(1_500_000),
            z,
            z,
            z);
    AuditReports withSolvency =
        new AuditReports(
            profile,
            index.db,
            childBlock ->
                AuditReport.SolvencyPoint.of(
                    childBlock,
                    new io.bridgescope.core.solvency.SolvencyReport(
                        childBlock, childBlock, List.of(six, raw), java.util.Optional.empty())));
    AuditReport r =
        withSolvency.collect(0, 20, 0.9, "./bridgescope report", AuditReports.Progress.NONE);
    assertThat(r.metadataOf(six)).hasValueSatisfying(m -> assertThat(m.symbol()).contains("BUSD"));
    assertThat(r.metadataOf(raw)).isEmpty();
    String html = ReportHtml.render(r);
    assertThat(html)
        .contains("BUSD, 6 decimals")
        .contains(">24.691356<")
        .contains(">12.345678<")
        .doesNotContain("24691356")
        .contains("raw units")
        .contains(">1500000<");
    try (PDDocument doc = Loader.loadPDF(ReportPdf.render(r))) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).contains("24.691356").contains("BUSD, 6 decimals").contains("raw units");
    }
  }

  @Test
  void aRangeTheIndexHasNotReachedIsRefusedNotReportedAsZeros() {
    assertThatThrownBy(() -> report(10, 25))
        .isInstanceOfSatisfying(
            ReportException.class, e -> assertThat(e.code()).isEqualTo("not_indexed"))
        .hasMessageContaining("child blocks 21..25 are not indexed yet")
        .hasMessageContaining("reached child block 20");
    assertThatThrownBy(() -> report(30, 40)).hasMessageContaining("child blocks 30..40");
    assertThatThrownBy(() -> report(5, 4))
        .isInstanceOfSatisfying(
            ReportException.class, e -> assertThat(e.code()).isEqualTo("bad_range"));
    assertThatThrownBy(() -> ReportFormat.of(Path.of("report.txt")))
        .hasMessageContaining(".pdf or .html");
  }

  @Test
  void theSameIndexGivesTheSameBytes() {
    AuditReport a = report(0, 20);
    AuditReport b = report(0, 20);
    assertThat(ReportFormat.HTML.render(b)).isEqualTo(ReportFormat.HTML.render(a));
    assertThat(ReportFormat.PDF.render(b)).isEqualTo(ReportFormat.PDF.render(a));
    assertThat(new String(ReportFormat.HTML.render(a), StandardCharsets.UTF_8))
        .contains("data:image/png;base64,");
  }

  private static List<BufferedImage> images(PDDocument doc) throws Exception {
    // distinct image streams: a page's resources may list an image drawn on the page before
    List<BufferedImage> out = new ArrayList<>();
    java.util.Set<Object> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (PDPage page : doc.getPages()) {
      for (COSName name : page.getResources().getXObjectNames()) {
        PDXObject x = page.getResources().getXObject(name);
        if (x instanceof PDImageXObject img && seen.add(img.getCOSObject())) {
          out.add(img.getImage());
        }
      }
    }
    return out;
  }

  private static boolean has(BufferedImage img, java.awt.Color c) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int nonWhite(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }
}
