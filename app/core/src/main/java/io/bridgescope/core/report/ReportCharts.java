package io.bridgescope.core.report;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.store.rows.ValidatorEntry;
import io.bridgescope.core.verify.Participation;
import io.bridgescope.core.verify.SignedSubject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The report's charts, drawn as PNG from the report's own figures (no chart library, no sample
 * data): participation per validator against the threshold, and the signed/missed timeline. The
 * same figures give the same pixels.
 */
final class ReportCharts {

  /** A drawn chart: {@code png} is its encoded image. */
  record Chart(String title, String caption, byte[] png, int width, int height) {}

  static final int MAX_VALIDATORS = 60;
  static final int MAX_COLUMNS = 360;

  static final Color SIGNED = new Color(0x2e7d32);
  static final Color MISSED = new Color(0xc62828);
  static final Color ABSENT = new Color(0xe0e0e0);
  private static final Color INK = new Color(0x212121);
  private static final Color GRID = new Color(0xbdbdbd);
  private static final int ROW = 20;
  private static final int LABEL = 150;

  private ReportCharts() {}

  /** Horizontal bars: each validator's signed share, the threshold as a dashed line. */
  static Chart participation(List<Participation> parts, double threshold) {
    List<Participation> shown = parts.subList(0, Math.min(parts.size(), MAX_VALIDATORS));
    int barWidth = 360;
    int width = LABEL + barWidth + 130;
    int height = 30 + ROW * shown.size() + 24;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img);
    g.setColor(INK);
    g.drawString("signed share per validator", 8, 16);
    int top = 26;
    for (int i = 0; i < shown.size(); i++) {
      Participation p = shown.get(i);
      int y = top + i * ROW;
      g.setColor(INK);
      g.drawString(shortAddress(p.address()), 8, y + 14);
      g.setColor(ABSENT);
      g.fillRect(LABEL, y + 3, barWidth, ROW - 6);
      g.setColor(p.belowThreshold() ? MISSED : SIGNED);
      g.fillRect(LABEL, y + 3, (int) Math.round(barWidth * p.ratio()), ROW - 6);
      g.setColor(INK);
      g.drawString(
          String.format(Locale.ROOT, "%d/%d %.1f%%", p.signed(), p.eligible(), p.ratio() * 100),
          LABEL + barWidth + 8,
          y + 14);
    }
    int tx = LABEL + (int) Math.round(barWidth * threshold);
    g.setColor(INK);
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f}, 0f));
    g.drawLine(tx, top, tx, top + ROW * shown.size());
    g.drawString(
        String.format(Locale.ROOT, "threshold %.0f%%", threshold * 100),
        Math.max(LABEL, tx - 40),
        top + ROW * shown.size() + 16);
    g.dispose();
    String caption =
        parts.size() > shown.size()
            ? "the first " + shown.size() + " of " + parts.size() + " validators"
            : parts.size() + " validators";
    return new Chart("Participation", caption, png(img), width, height);
  }

  /**
   * A grid: one row per validator, one column per commitment or checkpoint in order (or per bucket
   * of consecutive ones when there are more than {@link #MAX_COLUMNS}); green where it signed, red
   * where it missed, grey where its set did not include it. A bucket's colour mixes red and green
   * by the share it signed.
   */
  static Chart timeline(List<Participation> parts, List<SignedSubject> timeline) {
    List<Participation> shown = parts.subList(0, Math.min(parts.size(), MAX_VALIDATORS));
    int n = timeline.size();
    int bucket = Math.max(1, (n + MAX_COLUMNS - 1) / MAX_COLUMNS);
    int columns = (n + bucket - 1) / bucket;
    int cell = columns == 0 ? 1 : Math.max(1, Math.min(12, 360 / columns));
    int width = LABEL + Math.max(columns * cell, 120) + 16;
    int height = 30 + ROW * shown.size() + 10;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img);
    g.setColor(INK);
    g.drawString("signed (green) / missed (red), oldest first", 8, 16);
    int top = 26;
    List<Map<Address, Integer>> sets = indices(timeline);
    for (int i = 0; i < shown.size(); i++) {
      Address a = shown.get(i).address();
      int y = top + i * ROW;
      g.setColor(INK);
      g.drawString(shortAddress(a), 8, y + 14);
      for (int col = 0; col < columns; col++) {
        int signed = 0;
        int eligible = 0;
        for (int k = col * bucket; k < Math.min(n, (col + 1) * bucket); k++) {
          Integer index = sets.get(k).get(a);
          if (index != null) {
            eligible++;
            signed += timeline.get(k).signed(index) ? 1 : 0;
          }
        }
        g.setColor(eligible == 0 ? ABSENT : mix(signed / (double) eligible));
        g.fillRect(LABEL + col * cell, y + 3, cell, ROW - 6);
      }
      g.setColor(GRID);
      g.drawRect(LABEL, y + 3, columns * cell, ROW - 6);
    }
    g.dispose();
    String caption =
        n
            + " commitments and checkpoints"
            + (bucket > 1 ? ", " + bucket + " per column" : "")
            + (parts.size() > shown.size()
                ? "; the first " + shown.size() + " of " + parts.size() + " validators"
                : "");
    return new Chart("Signing timeline", caption, png(img), width, height);
  }

  private static List<Map<Address, Integer>> indices(List<SignedSubject> timeline) {
    List<Map<Address, Integer>> out = new ArrayList<>(timeline.size());
    for (SignedSubject s : timeline) {
      Map<Address, Integer> idx = new HashMap<>();
      for (ValidatorEntry v : s.set()) {
        idx.put(v.address(), v.index());
      }
      out.add(idx);
    }
    return out;
  }

  private static Color mix(double share) {
    int r = (int) Math.round(MISSED.getRed() + (SIGNED.getRed() - MISSED.getRed()) * share);
    int gr = (int) Math.round(MISSED.getGreen() + (SIGNED.getGreen() - MISSED.getGreen()) * share);
    int b = (int) Math.round(MISSED.getBlue() + (SIGNED.getBlue() - MISSED.getBlue()) * share);
    return new Color(r, gr, b);
  }

  static String shortAddress(Address a) {
    String s = a.toString();
    return s.substring(0, 8) + "…" + s.substring(s.length() - 6);
  }

  private static Graphics2D start(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    return g;
  }

  private static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a chart as PNG", e);
    }
    return out.toByteArray();
  }
}
