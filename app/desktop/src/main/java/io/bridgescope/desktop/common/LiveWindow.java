package io.bridgescope.desktop.common;

import io.bridgescope.desktop.ports.RowSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reload of a live table read: the source's total, how many of its rows sit above the shown
 * list (arrived since the user last asked to see them), and the shown list's first page. {@code
 * kept} means row i is still the same item as before, so nothing moves on screen.
 */
record LiveWindow<R>(long total, long shift, @Nullable List<R> rows, boolean kept) {

  /** How far below its old place the shown row 0 is looked for before the list starts over. */
  static final int SEARCH = 2000;

  /**
   * Where the shown list now sits in the source (worker thread). The anchor (the shown row 0) is
   * looked for where rows added at the top would have pushed it, then where it was (rows appended
   * at the bottom, as in an oldest-first order); if it is in neither place (a reorg removed it,
   * another order), the list starts again at the top and the selection is found again by its key.
   */
  static <R> LiveWindow<R> find(
      RowSource<R> from,
      java.util.function.Function<R, ?> key,
      @Nullable R anchor,
      int size,
      long s0,
      boolean holdNewRows)
      throws Exception {
    long count = from.count();
    if (anchor != null) {
      Object k = key.apply(anchor);
      long above = count - s0 - size;
      if (above > 0 && holdNewRows) {
        List<R> page = from.page((int) (s0 + above), PagedList.PAGE);
        if (!page.isEmpty() && k.equals(key.apply(page.get(0)))) {
          return new LiveWindow<>(count, s0 + above, page, true);
        }
      }
      List<R> page = from.page((int) s0, PagedList.PAGE);
      if (!page.isEmpty() && k.equals(key.apply(page.get(0)))) {
        return new LiveWindow<>(count, s0, page, true);
      }
      if (holdNewRows) {
        // rows arrived between the count and the page read: look for the anchor a little further
        List<R> probe = from.page((int) s0, (int) Math.min(SEARCH, Math.max(0, above) + 64));
        for (int j = 0; j < probe.size(); j++) {
          if (k.equals(key.apply(probe.get(j)))) {
            List<R> at = from.page((int) (s0 + j), PagedList.PAGE);
            if (!at.isEmpty() && k.equals(key.apply(at.get(0)))) {
              return new LiveWindow<>(Math.max(count, s0 + j + size), s0 + j, at, true);
            }
          }
        }
      }
    }
    return new LiveWindow<>(count, 0, from.page(0, PagedList.PAGE), false);
  }
}
