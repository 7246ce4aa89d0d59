package io.bridgescope.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves PNG screenshots of nodes for people to look at. Written without javafx-swing: pixels go
 * from the snapshot's PixelReader into a BufferedImage by hand. The folder is {@code
 * bs.screenshots} if set, else {@code screenshots} next to the test classes, i.e. inside the
 * module's build directory (target/ or the -Dbs.buildDir one).
 */
public final class Screenshots {

  private Screenshots() {}

  public static Path dir() {
    String configured = System.getProperty("bs.screenshots");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      Path testClasses =
          Path.of(Screenshots.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent().resolve("screenshots");
    } catch (URISyntaxException e) {
      return Path.of("target", "screenshots");
    }
  }

  /** Takes a snapshot on the FX thread (after pending layout and paints) and returns it. */
  public static WritableImage snapshot(Node node) {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("snapshot failed", e);
    }
  }

  public static Path save(Node node, String name) {
    return write(snapshot(node), name);
  }

  public static Path write(Image image, String name) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    try {
      Files.createDirectories(dir());
      Path file = dir().resolve(name + ".png");
      ImageIO.write(out, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("could not write screenshot " + name, e);
    }
  }
}
