package io.bridgescope.desktop.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Offset paging over a keyset-paged DAO: remembers the row before each page boundary it has seen,
 * so a page near a known one costs one indexed query. Used for the short lists (commitments,
 * checkpoints) whose keys cannot be computed from an offset; the caller clears it when rows change.
 */
final class KeysetWalker<R> {

  /** One DAO page after {@code after} (exclusive), in list order. */
  interface PageFn<R> {
    List<R> page(Optional<R> after, int limit) throws Exception;
  }

  private static final int STEP = 500;
  private final TreeMap<Integer, R> before = new TreeMap<>();

  synchronized List<R> page(int offset, int limit, PageFn<R> fn) throws Exception {
    Map.Entry<Integer, R> known = before.floorEntry(offset);
    int at = known == null ? 0 : known.getKey();
    Optional<R> after = known == null ? Optional.empty() : Optional.of(known.getValue());
    while (at < offset) {
      List<R> skip = fn.page(after, Math.min(STEP, offset - at));
      if (skip.isEmpty()) {
        return List.of();
      }
      at += skip.size();
      after = Optional.of(skip.get(skip.size() - 1));
      before.put(at, after.get());
    }
    List<R> rows = new ArrayList<>(fn.page(after, limit));
    if (!rows.isEmpty()) {
      before.put(offset + rows.size(), rows.get(rows.size() - 1));
    }
    return rows;
  }

  synchronized void clear() {
    before.clear();
  }
}
