package io.bridgescope.desktop.engine;

import io.bridgescope.core.store.Database;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Count and id range of a message table (state_syncs or exits). Their ids are {@code ++counter} on
 * chain, so while the indexed ids are contiguous the row at offset {@code k} (newest first) has id
 * {@code max - k}: any page is one indexed query, even a million rows down. Cached for half a
 * second so scrolling does not count the table per page.
 */
final class IdShape {

  record Shape(long count, BigInteger min, BigInteger max) {
    boolean contiguous() {
      return count > 0 && max.subtract(min).add(BigInteger.ONE).equals(BigInteger.valueOf(count));
    }

    /** The id at newest-first {@code offset}, when contiguous. */
    Optional<BigInteger> idAt(long offset) {
      return contiguous() && offset >= 0 && offset < count
          ? Optional.of(max.subtract(BigInteger.valueOf(offset)))
          : Optional.empty();
    }
  }

  private final String table;
  private volatile @Nullable Shape cached;
  private volatile long cachedAt;
  private volatile @Nullable Database cachedFor;

  IdShape(String table) {
    this.table = table;
  }

  Shape get(Database db) {
    long now = System.nanoTime();
    Shape s = cached;
    if (s != null && cachedFor == db && now - cachedAt < 500_000_000L) {
      return s;
    }
    return refresh(db);
  }

  /**
   * Reads the shape now and caches it: for an id above the cached newest (just indexed), so that
   * the pages read next map offsets with the same shape.
   */
  Shape refresh(Database db) {
    long now = System.nanoTime();
    // Ids are 32-byte big-endian blobs, so min/max by blob order is min/max by value.
    Shape fresh =
        db.read(
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement("SELECT count(*), min(id), max(id) FROM " + table);
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return n == 0
                    ? new Shape(0, BigInteger.ZERO, BigInteger.ZERO)
                    : new Shape(
                        n, new BigInteger(1, rs.getBytes(2)), new BigInteger(1, rs.getBytes(3)));
              }
            });
    cached = fresh;
    cachedAt = now;
    cachedFor = db;
    return fresh;
  }
}
