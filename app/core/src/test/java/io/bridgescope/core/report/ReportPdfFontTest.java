package io.bridgescope.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The report's PDF embeds DejaVu Sans, so text beyond WinAnsi prints as written: with the standard
 * 14 fonts a token symbol such as USD₮ or a revert reason in Greek or Cyrillic printed as '#'.
 */
class ReportPdfFontTest {

  private static final String TEXT = "USD₮0 · Ωmega → Привет · naïve ✓ 0x00ff";

  private static String xhtml(String body) {
    return "<html><head><style>body { font-family: 'DejaVu Sans', sans-serif; }"
        + " .hex { font-family: 'DejaVu Sans Mono', monospace; }</style></head><body>"
        + body
        + "</body></html>";
  }

  @Test
  void textBeyondWinAnsiIsPrintedAsWrittenWithTheEmbeddedFont() throws Exception {
    byte[] pdf =
        ReportPdf.fromHtml(
            xhtml("<p>" + TEXT + "</p><p><b>bold " + TEXT + "</b></p><p class='hex'>0xab→cd</p>"),
            "fonts");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(TEXT).contains("bold " + TEXT).contains("0xab→cd");
      assertThat(text).doesNotContain("#");
      var resources = doc.getPage(0).getResources();
      java.util.List<String> fonts = new java.util.ArrayList<>();
      for (var name : resources.getFontNames()) {
        PDFont f = resources.getFont(name);
        fonts.add(f.getName());
        assertThat(f.isEmbedded()).as("%s embedded", f.getName()).isTrue();
      }
      assertThat(fonts)
          .anyMatch(n -> n.endsWith("DejaVuSans"))
          .anyMatch(n -> n.endsWith("DejaVuSans-Bold"))
          .anyMatch(n -> n.endsWith("DejaVuSansMono"));
    }
  }

  @Test
  void theSameHtmlGivesTheSameBytesWithTheFontsEmbedded() {
    String html = xhtml("<p>" + TEXT + "</p>");
    assertThat(ReportPdf.fromHtml(html, "t")).isEqualTo(ReportPdf.fromHtml(html, "t"));
  }
}
