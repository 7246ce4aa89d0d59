package io.bridgescope.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the header of a database's shared-memory WAL index ({@code <file>-shm}) to tell whether its
 * write-ahead log ({@code <file>-wal}) was removed or cut short while the database was open. SQLite
 * then answers every read with a bare "disk I/O error" (SQLITE_IOERR_SHORT_READ): the index still
 * lists frames the log no longer holds.
 *
 * <p>Header layout (sqlite.org/walformat.html, "WAL-Index Format"): in native byte order, {@code
 * isInit} is the byte at 12, {@code szPage} the u16 at 14 (1 means 65536) and {@code mxFrame}, the
 * last valid frame, the u32 at 16. A log holding {@code mxFrame} frames is at least {@code 32 +
 * mxFrame * (24 + pageSize)} bytes long.
 */
final class WalIndex {

  private static final int HEADER = 48;
  private static final int WAL_HEADER = 32;
  private static final int FRAME_HEADER = 24;

  private WalIndex() {}

  /** True if {@code db}'s WAL index lists frames its log file does not hold. */
  static boolean logMissing(Path db) {
    Path shm = Path.of(db + "-shm");
    Path wal = Path.of(db + "-wal");
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.nativeOrder());
    try (FileChannel ch = FileChannel.open(shm, StandardOpenOption.READ)) {
      while (h.hasRemaining()) {
        if (ch.read(h) < 0) {
          return false;
        }
      }
      h.flip();
      if (h.get(12) == 0) {
        return false;
      }
      int szPage = Short.toUnsignedInt(h.getShort(14));
      long pageSize = szPage == 1 ? 65536 : szPage;
      long mxFrame = Integer.toUnsignedLong(h.getInt(16));
      if (mxFrame == 0 || pageSize < 512) {
        return false;
      }
      long needed = WAL_HEADER + mxFrame * (FRAME_HEADER + pageSize);
      return !Files.exists(wal) || Files.size(wal) < needed;
    } catch (IOException e) {
      // no -shm (database closed cleanly) or unreadable: nothing to say about the log
      return false;
    }
  }
}
