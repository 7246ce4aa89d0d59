package io.bridgescope.core.wallet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Owner-only files: 0700 folders and 0600 files where the file system has POSIX permissions (on
 * Windows the user profile's ACLs apply). Files are written to a temporary sibling that already has
 * the final permissions, flushed, then moved into place, so a crash never leaves a half file.
 */
final class SecretFiles {

  static final Set<PosixFilePermission> DIR =
      Set.copyOf(PosixFilePermissions.fromString("rwx------"));
  static final Set<PosixFilePermission> FILE =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  private SecretFiles() {}

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  static void ensureDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
      } else {
        Files.createDirectories(dir);
      }
    }
    if (posix()) {
      Files.setPosixFilePermissions(dir, DIR);
    }
  }

  /** Writes {@code content} to {@code target}; refuses to replace unless {@code replace}. */
  static void write(Path target, byte[] content, boolean replace) throws IOException {
    Path dir =
        Objects.requireNonNull(target.toAbsolutePath().getParent(), "the folder of " + target);
    ensureDirectory(dir);
    FileAttribute<?>[] attrs =
        posix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, ".tmp-", ".part", attrs);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      if (!replace && Files.exists(target)) {
        throw new java.nio.file.FileAlreadyExistsException(target.toString());
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
