package io.bridgescope.desktop.common;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.collections.ObservableListBase;
import org.jspecify.annotations.Nullable;

/**
 * A list of {@code size} rows of which only the pages around what a table shows are in memory.
 * {@link #get} of a row not loaded yet returns null (the cell shows "…") and asks for its page;
 * pages arrive through {@link #putPage} on the FX thread. A TableView only asks for visible rows,
 * so a million-row table costs a few pages.
 */
public final class PagedList<R> extends ObservableListBase<R> {

  public static final int PAGE = 200;
  private static final int KEPT_PAGES = 40;

  private final IntConsumer requestPage;
  private final Set<Integer> requested = new HashSet<>();
  private final Map<Integer, List<R>> pages =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<R>> eldest) {
          return size() > KEPT_PAGES;
        }
      };
  private int size;

  /**
   * @param requestPage asked (FX thread) to load page n: rows [n*PAGE, (n+1)*PAGE)
   */
  public PagedList(IntConsumer requestPage) {
    this.requestPage = requestPage;
  }

  @Override
  public @Nullable R get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int page = index / PAGE;
    List<R> rows = pages.get(page);
    if (rows == null) {
      if (requested.add(page)) {
        requestPage.accept(page);
      }
      return null;
    }
    int i = index % PAGE;
    return i < rows.size() ? rows.get(i) : null;
  }

  /** The row if its page is in memory, without asking for it. */
  public @Nullable R peek(int index) {
    List<R> rows = pages.get(index / PAGE);
    return rows == null || index % PAGE >= rows.size() ? null : rows.get(index % PAGE);
  }

  @Override
  public int size() {
    return size;
  }

  /** A page arrived: keep it and tell the table its rows changed. */
  public void putPage(int page, List<R> rows) {
    requested.remove(page);
    pages.put(page, List.copyOf(rows));
    int from = page * PAGE;
    int to = Math.min(size, from + rows.size());
    if (from < to) {
      beginChange();
      for (int i = from; i < to; i++) {
        nextUpdate(i);
      }
      endChange();
    }
  }

  /**
   * New contents at the same positions: row i is still the same item (the window was kept where it
   * was), so the table updates rows in place and only adds or removes at the end. Nothing moves
   * under the user's pointer.
   */
  public void refresh(int newSize, List<R> first) {
    pages.clear();
    requested.clear();
    pages.put(0, List.copyOf(first));
    int old = size;
    size = newSize;
    beginChange();
    for (int i = 0; i < Math.min(old, newSize); i++) {
      nextUpdate(i);
    }
    if (newSize > old) {
      nextAdd(old, newSize);
    } else if (newSize < old) {
      nextRemove(newSize, Collections.nCopies(old - newSize, null));
    }
    endChange();
  }

  /** The index of the first row in memory that {@code p} accepts, or -1. */
  public int find(java.util.function.Predicate<R> p) {
    int best = -1;
    for (Map.Entry<Integer, List<R>> e : pages.entrySet()) {
      List<R> rows = e.getValue();
      for (int i = 0; i < rows.size(); i++) {
        int at = e.getKey() * PAGE + i;
        if (at < size && p.test(rows.get(i)) && (best < 0 || at < best)) {
          best = at;
        }
      }
    }
    return best;
  }

  /** The rows in memory of the pages next to {@code page} (to check a new page against). */
  List<R> neighbours(int page) {
    List<R> out = new java.util.ArrayList<>();
    for (int p : new int[] {page - 1, page + 1}) {
      List<R> rows = pages.get(p);
      if (rows != null) {
        out.addAll(rows);
      }
    }
    return out;
  }

  /** A page could not be loaded; it may be asked for again. */
  public void pageFailed(int page) {
    requested.remove(page);
  }

  /**
   * New contents: {@code newSize} rows, of which {@code first} is page 0. {@code added} rows were
   * inserted at the top since the last reset, so selections shift to stay on the same item.
   */
  public void reset(int newSize, List<R> first, int added) {
    pages.clear();
    requested.clear();
    pages.put(0, List.copyOf(first));
    int old = size;
    size = newSize;
    beginChange();
    if (added > 0 && old + added == newSize) {
      nextAdd(0, added);
    } else if (old != newSize || old == 0) {
      nextRemove(0, Collections.nCopies(old, null));
      nextAdd(0, newSize);
    }
    endChange();
  }
}
