package io.bridgescope.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Selected rows stay readable in both themes, focused or not (WCAG AA, 4.5:1 for text). The dark
 * theme fixes its text colour, so its selection bars are checked against it; the light theme keeps
 * Modena's ladder, which picks black or white text by the bar's brightness.
 */
class ThemeContrastTest {

  static Map<String, String> colours(String theme) throws IOException {
    try (InputStream in =
        ThemeContrastTest.class.getResourceAsStream(
            "/io/bridgescope/desktop/theme/" + theme + ".css")) {
      String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> out = new HashMap<>();
      Matcher m = Pattern.compile("(-[\\w-]+)\\s*:\\s*(#[0-9a-fA-F]{6})").matcher(css);
      while (m.find()) {
        out.put(m.group(1), m.group(2));
      }
      return out;
    }
  }

  static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  /** Modena's ladder: the better of black and white text on {@code bg}. */
  static double ladder(String bg) {
    return Math.max(contrast(bg, "#000000"), contrast(bg, "#ffffff"));
  }

  @Test
  void darkSelectedRowsAreReadableFocusedAndUnfocused() throws IOException {
    Map<String, String> c = colours("dark");
    String text = c.get("-fx-text-background-color");
    assertThat(contrast(text, c.get("-fx-selection-bar"))).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(text, c.get("-fx-selection-bar-non-focused"))).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(text, c.get("-fx-control-inner-background"))).isGreaterThanOrEqualTo(4.5);
  }

  @Test
  void lightSelectedRowsAreReadableAndStillLookSelected() throws IOException {
    Map<String, String> c = colours("light");
    assertThat(ladder(c.get("-fx-accent"))).isGreaterThanOrEqualTo(4.5);
    String unfocused = c.get("-fx-selection-bar-non-focused");
    assertThat(ladder(unfocused)).isGreaterThanOrEqualTo(4.5);
    // a row that is selected must differ from the rows around it
    assertThat(contrast(unfocused, c.get("-bs-surface"))).isGreaterThan(1.2);
  }
}
