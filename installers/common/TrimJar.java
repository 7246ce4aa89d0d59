import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes other platforms' native libraries from a multi-platform jar, in place: every native
 * library (.so, .dll, .dylib, .jnilib) under FOLDER except those under FOLDER+KEEP; classes and
 * other resources stay. Plain Java so it runs the same on Linux, macOS and
 * Windows (no zip tool needed). Run: java TrimJar.java JAR FOLDER KEEP
 */
public final class TrimJar {

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    String folder = args[1];
    String keep = folder + args[2];
    Path tmp = jar.resolveSibling(jar.getFileName() + ".trim");
    int dropped = 0;
    boolean kept = false;
    try (ZipFile in = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(tmp);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (isNative(name) && name.startsWith(folder) && !name.startsWith(keep)) {
          dropped++;
          continue;
        }
        kept |= name.startsWith(keep) && isNative(name);
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(e.getTime());
        out.putNextEntry(copy);
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    if (!kept) {
      Files.delete(tmp);
      System.err.println(jar + " has nothing under " + keep + ": check the natives list");
      System.exit(1);
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(jar.getFileName() + ": removed " + dropped + " native libraries");
  }

  static boolean isNative(String name) {
    return name.endsWith(".so")
        || name.endsWith(".dll")
        || name.endsWith(".dylib")
        || name.endsWith(".jnilib");
  }
}
