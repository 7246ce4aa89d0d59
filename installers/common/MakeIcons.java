import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Bridgescope icon (an arch bridge seen through a lens) and writes it as PNG (Linux),
 * ICO (Windows) and ICNS (macOS). Run: java installers/common/MakeIcons.java installers
 * The outputs are committed; rerun only to change the drawing.
 */
public final class MakeIcons {

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "installers");
    byte[] png256 = png(draw(256));
    Files.write(out.resolve("common/bridgescope.png"), png256);
    byte[][] icoPngs = {png(draw(32)), png(draw(48)), png256};
    Files.write(out.resolve("windows/bridgescope.ico"), ico(icoPngs, new int[] {32, 48, 256}));
    Files.write(out.resolve("macos/bridgescope.icns"), icns(png256, png(draw(512))));
  }

  static BufferedImage draw(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(size / 256.0, size / 256.0);
    g.setPaint(new GradientPaint(0, 0, new Color(0x1E3A8A), 0, 256, new Color(0x0F172A)));
    g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));
    // the bridge: deck, arch and hangers
    g.setColor(new Color(0x5EEAD4));
    g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(32, 164, 224, 164));
    g.draw(new Arc2D.Double(52, 84, 152, 160, 0, 180, Arc2D.OPEN));
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int x = 84; x <= 172; x += 22) {
      double dx = (x - 128) / 76.0;
      double y = 164 - 80 * Math.sqrt(Math.max(0, 1 - dx * dx));
      g.draw(new Line2D.Double(x, y + 6, x, 164));
    }
    g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(52, 164, 52, 206));
    g.draw(new Line2D.Double(204, 164, 204, 206));
    // the lens
    g.setColor(new Color(0xFBBF24));
    g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Ellipse2D.Double(150, 36, 64, 64));
    g.draw(new Line2D.Double(206, 92, 230, 116));
    g.dispose();
    return img;
  }

  static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(img, "png", b);
    return b.toByteArray();
  }

  /** ICO with PNG-compressed entries (read by Windows Vista and later). */
  static byte[] ico(byte[][] pngs, int[] sizes) {
    int offset = 6 + 16 * pngs.length;
    int total = offset;
    for (byte[] p : pngs) {
      total += p.length;
    }
    ByteBuffer bb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    bb.putShort((short) 0).putShort((short) 1).putShort((short) pngs.length);
    for (int i = 0; i < pngs.length; i++) {
      int s = sizes[i] >= 256 ? 0 : sizes[i];
      bb.put((byte) s).put((byte) s).put((byte) 0).put((byte) 0);
      bb.putShort((short) 1).putShort((short) 32).putInt(pngs[i].length).putInt(offset);
      offset += pngs[i].length;
    }
    for (byte[] p : pngs) {
      bb.put(p);
    }
    return bb.array();
  }

  /** ICNS with 256px (ic08) and 512px (ic09) PNG entries. */
  static byte[] icns(byte[] png256, byte[] png512) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.writeBytes("icns");
    d.writeInt(8 + 8 + png256.length + 8 + png512.length);
    d.writeBytes("ic08");
    d.writeInt(8 + png256.length);
    d.write(png256);
    d.writeBytes("ic09");
    d.writeInt(8 + png512.length);
    d.write(png512);
    return b.toByteArray();
  }
}
