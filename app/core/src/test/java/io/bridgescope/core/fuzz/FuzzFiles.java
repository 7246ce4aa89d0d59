package io.bridgescope.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A temporary folder for the files a fuzz property hands to a file-reading decoder (jqwik
 * properties get no JUnit {@code @TempDir}); each write gets its own subfolder.
 */
public final class FuzzFiles implements AutoCloseable {

  private final Path dir;
  private final AtomicLong count = new AtomicLong();

  private FuzzFiles(Path dir) {
    this.dir = dir;
  }

  public static FuzzFiles create(String prefix) {
    try {
      return new FuzzFiles(Files.createTempDirectory("bridgescope-fuzz-" + prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, empty folder. */
  public Path folder() {
    try {
      return Files.createDirectories(dir.resolve("d" + count.incrementAndGet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code content} written as {@code name} in a fresh folder. */
  public Path write(String name, byte[] content) {
    try {
      return Files.write(folder().resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
