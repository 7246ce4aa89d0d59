package io.bridgescope.core.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Lays the report's XHTML out as PDF with openhtmltopdf (see ADR 0018). The output is made
 * deterministic: the document's dates are fixed and its file identifier is derived from the HTML,
 * where PDFBox would otherwise use the clock.
 */
public final class ReportPdf {

  /** The date written in every report's document information (the clock is never read). */
  private static final Calendar FIXED_DATE = fixedDate();

  /** The font families the report's CSS names first (ReportHtml). */
  static final String SANS = "DejaVu Sans";

  static final String MONO = "DejaVu Sans Mono";

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  private ReportPdf() {}

  public static byte[] render(AuditReport report) {
    return fromHtml(ReportHtml.render(report), ReportHtml.title(report));
  }

  static byte[] fromHtml(String xhtml, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer("Bridgescope (openhtmltopdf)");
    builder.withHtmlContent(xhtml, null);
    font(builder, "DejaVuSans.ttf", SANS, 400);
    font(builder, "DejaVuSans-Bold.ttf", SANS, 700);
    font(builder, "DejaVuSansMono.ttf", MONO, 400);
    font(builder, "DejaVuSansMono-Bold.ttf", MONO, 700);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument doc = renderer.getPdfDocument();
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setCreationDate(FIXED_DATE);
      info.setModificationDate(FIXED_DATE);
      byte[] id = Arrays.copyOf(sha256(xhtml), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      doc.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("laying out the report as PDF", e);
    }
    return out.toByteArray();
  }

  /**
   * Embeds {@code file} of the DejaVu fonts that jasperreports-fonts ships (subset to the glyphs
   * used) as {@code family}: the standard 14 PDF fonts cover WinAnsi only, and printed every other
   * character (a token symbol such as USD₮, a revert reason in another script) as '#'.
   */
  private static void font(PdfRendererBuilder b, String file, String family, int weight) {
    String path = FONTS + file;
    if (ReportPdf.class.getResource(path) == null) {
      throw new IllegalStateException("the report font " + path + " is not on the class path");
    }
    b.useFont(
        () -> ReportPdf.class.getResourceAsStream(path),
        family,
        weight,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Calendar fixedDate() {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.clear();
    c.set(2000, Calendar.JANUARY, 1, 0, 0, 0);
    return c;
  }
}
