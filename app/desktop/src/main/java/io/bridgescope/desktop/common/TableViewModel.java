package io.bridgescope.desktop.common;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.concurrent.UiSubscription;
import io.bridgescope.desktop.ports.RowSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one table screen: a {@link PagedList} of all rows (pages load on demand around what
 * is visible), the total, the selected row, an optional address filter and what to show when there
 * are none (not connected, nothing yet, or the load error). Rows load on a worker thread.
 */
public final class TableViewModel<R> implements AutoCloseable {

  public static final String NOT_CONNECTED = "No data: the indexer is not connected yet";
  static final int FIRST_PAGE = PagedList.PAGE;

  private static final Logger LOG = LoggerFactory.getLogger(TableViewModel.class);

  private final PagedList<R> rows = new PagedList<>(this::loadPage);
  private final StringProperty placeholder = new SimpleStringProperty(NOT_CONNECTED);
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final LongProperty total = new SimpleLongProperty();
  private final IntegerProperty generation = new SimpleIntegerProperty();
  private final IntegerProperty revealIndex = new SimpleIntegerProperty(-1);
  private final IntegerProperty selectIndex = new SimpleIntegerProperty(-1);
  private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
  private final LongProperty newRows = new SimpleLongProperty();
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final Function<R, ?> key;
  private @Nullable Object selectedKey;
  private boolean applying;
  private boolean revealPending;
  private boolean toTop;
  private volatile boolean holdNewRows;

  /** Rows of the source above the shown row 0: arrived since the user last asked to see them. */
  private long shift;

  private final StringProperty filter = new SimpleStringProperty("");
  private final ObjectProperty<MessageFilter> filterState =
      new SimpleObjectProperty<>(MessageFilter.NONE);
  private final String what;
  private final RowSource<R> base;
  private RowSource<R> source;
  private final TaskRunner tasks;
  private final UiSubscription changes;
  private boolean reloading;
  private boolean reloadAgain;

  /**
   * @param what plural noun for messages, e.g. "deposits"
   */
  public TableViewModel(
      String what, RowSource<R> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this(what, source, r -> r, tasks, coalescers);
  }

  /**
   * @param key what identifies a row's item (its id): the selection follows the item, not a
   *     position, through reloads, new rows and paging
   */
  public TableViewModel(
      String what,
      RowSource<R> source,
      Function<R, ?> key,
      TaskRunner tasks,
      UiCoalescer.Factory coalescers) {
    this.key = key;
    this.what = what;
    this.base = source;
    this.source = source;
    this.tasks = tasks;
    this.changes = new UiSubscription(what, coalescers);
  }

  /** Loads the first page and follows changes (a network opening later counts as one). */
  public void start() {
    changes.onChanges(base::subscribe, this::reload);
    reload();
  }

  /**
   * Reads the list again. Rows that arrived above the shown ones are not inserted (they would push
   * the rows under the user's pointer): they are counted in {@link #newRowsProperty} until {@link
   * #showNewRows}. While {@link #pausedProperty paused}, only that count moves.
   */
  public void reload() {
    if (!source.isConnected()) {
      placeholder.set(NOT_CONNECTED);
      total.set(0);
      shift = 0;
      newRows.set(0);
      apply(() -> rows.reset(0, List.of(), 0));
      return;
    }
    if (reloading) {
      reloadAgain = true;
      return;
    }
    reloading = true;
    loading.set(true);
    if (rows.isEmpty()) {
      placeholder.set("Loading " + what + "…");
    }
    RowSource<R> from = source;
    R anchor = rows.isEmpty() || toTop ? null : rows.peek(0);
    toTop = false;
    int size = rows.size();
    long s0 = shift;
    boolean hold = paused.get();
    tasks.run(
        "load " + what,
        () ->
            hold
                ? new LiveWindow<R>(from.count(), s0, null, true)
                : LiveWindow.find(from, key, anchor, size, s0, holdNewRows),
        w -> {
          finishReload();
          if (from != source) {
            reload();
            return;
          }
          total.set(w.total());
          placeholder.set(w.total() == 0 ? "No " + what + " yet" : "");
          List<R> got = w.rows();
          if (got == null) {
            newRows.set(Math.max(0, w.total() - s0 - size));
            return;
          }
          shift = w.shift();
          newRows.set(w.shift());
          int shown = (int) Math.min(Integer.MAX_VALUE, w.total() - w.shift());
          apply(
              () -> {
                if (w.kept()) {
                  rows.refresh(shown, got);
                } else {
                  rows.reset(shown, got, 0);
                }
              });
          generation.set(generation.get() + 1);
        },
        error -> {
          finishReload();
          placeholder.set("Could not load " + what + ": " + error.getMessage());
        });
  }

  /** Shows the rows that arrived above the list (the "N new rows" bar was clicked). */
  public void showNewRows() {
    if (shift == 0) {
      return;
    }
    shift = 0;
    newRows.set(0);
    toTop = true;
    reload();
  }

  /**
   * Holds rows that arrive above the list back (counted in {@link #newRowsProperty}) instead of
   * inserting them; set by a View that offers the "N new rows" bar to show them.
   */
  public void holdNewRows(boolean on) {
    holdNewRows = on;
  }

  /** Stops (true) or resumes following the index; paused, the list stays as it is. */
  public void setPaused(boolean on) {
    paused.set(on);
    if (!on) {
      reload();
    }
  }

  /**
   * Changes the rows, then puts the selection back on its item: the table's own selection follows
   * positions, which is wrong whenever rows moved.
   */
  private void apply(Runnable change) {
    applying = true;
    try {
      change.run();
    } finally {
      applying = false;
    }
    reselect();
  }

  private void reselect() {
    if (selectedKey == null) {
      return;
    }
    Object k = selectedKey;
    int at = rows.find(r -> r != null && k.equals(key.apply(r)));
    if (revealPending && at >= 0) {
      revealPending = false;
      revealIndex.set(-1);
      revealIndex.set(at);
    }
    selectIndex.set(-1);
    selectIndex.set(at < 0 ? -2 : at);
  }

  /**
   * The user selected the row at {@code index} (FX thread). Ignored while the rows change: then the
   * table's selection moved by position, not by the user.
   */
  public void userSelected(int index) {
    if (applying || index < 0 || index >= rows.size()) {
      return;
    }
    R row = rows.peek(index);
    if (row != null) {
      select(row);
    }
  }

  private void select(R row) {
    Object k = key.apply(row);
    if (!Objects.equals(k, selectedKey)) {
      selectedKey = k;
      selected.set(row);
    }
  }

  /** The key of the selected item, if any (what the detail pane and actions follow). */
  public java.util.Optional<Object> selectedKey() {
    return java.util.Optional.ofNullable(selectedKey);
  }

  private void finishReload() {
    reloading = false;
    loading.set(false);
    if (reloadAgain) {
      reloadAgain = false;
      reload();
    }
  }

  private void loadPage(int page) {
    RowSource<R> from = source;
    int gen = generation.get();
    long at = shift;
    tasks.run(
        "load " + what + " page " + page,
        () -> from.page((int) (at + (long) page * PagedList.PAGE), PagedList.PAGE),
        loaded -> {
          if (from != source || gen != generation.get() || at != shift) {
            rows.pageFailed(page);
          } else if (overlaps(page, loaded)) {
            // rows arrived since the last reload and moved the offsets: read the window again
            // rather than show one item twice
            rows.pageFailed(page);
            reload();
          } else {
            apply(() -> rows.putPage(page, loaded));
          }
        },
        error -> {
          rows.pageFailed(page);
          LOG.warn("Loading {} page {} failed: {}", what, page, error.toString());
        });
  }

  private boolean overlaps(int page, List<R> loaded) {
    java.util.Set<Object> near = new java.util.HashSet<>();
    for (R r : rows.neighbours(page)) {
      near.add(key.apply(r));
    }
    return loaded.stream().anyMatch(r -> near.contains(key.apply(r)));
  }

  /** Shows only the rows involving {@code address}, if this list can filter. */
  public boolean filterByAddress(Address address) {
    return applyFilter(filterState.get().withAddress(java.util.Optional.of(address)));
  }

  public void clearFilter() {
    applyFilter(MessageFilter.NONE);
  }

  /**
   * Narrows and orders the list (SQL-side, through the source); false if this list cannot filter
   * that way, and then nothing changes.
   */
  public boolean applyFilter(MessageFilter f) {
    if (f.equals(filterState.get())) {
      return true;
    }
    var filtered = base.filtered(f);
    if (filtered.isEmpty()) {
      return false;
    }
    source = filtered.get();
    filterState.set(f);
    filter.set(FilterWords.describe(f));
    total.set(0);
    shift = 0;
    newRows.set(0);
    apply(() -> rows.reset(0, List.of(), 0));
    reload();
    return true;
  }

  /** The filter and order in force. */
  public ReadOnlyObjectProperty<MessageFilter> filterStateProperty() {
    return filterState;
  }

  /** Finds the row a search key names, scrolls to it and selects it. */
  public void reveal(String key) {
    reveal(key, 3);
  }

  /**
   * Finds the item {@code searchKey} names (worker thread), selects it by its key and scrolls to
   * it; if it is among the rows that arrived above the list, those are shown first.
   */
  private void reveal(String searchKey, int attempts) {
    RowSource<R> from = source;
    tasks.run(
        "find " + searchKey + " in " + what,
        () -> {
          // rows keep arriving above a live list: a busy index may move the offset between the
          // reads a few times running, so a few more tries than one would think
          for (int tries = 0; tries < 12; tries++) {
            var at = from.indexOf(searchKey);
            if (at.isEmpty()) {
              return null;
            }
            List<R> one = from.page((int) at.getAsLong(), 1);
            // the same offset before and after the read: no row moved it in between, so the row
            // read is the one searched for (not its neighbour)
            if (!one.isEmpty() && from.indexOf(searchKey).equals(at)) {
              return new Object[] {at.getAsLong(), one.get(0)};
            }
          }
          return null;
        },
        found -> {
          if (from != source && attempts > 1) {
            reveal(searchKey, attempts - 1);
            return;
          }
          if (found == null) {
            LOG.info("{} not found in {} (or its place kept moving)", searchKey, what);
            placeholder.set(rows.isEmpty() ? placeholder.get() : "");
            return;
          }
          @SuppressWarnings("unchecked")
          R row = (R) ((Object[]) found)[1];
          long index = (Long) ((Object[]) found)[0];
          select(row);
          revealPending = true;
          if (index < shift) {
            showNewRows(); // the reload that follows reveals it
          } else {
            int at =
                rows.find(r -> r != null && java.util.Objects.equals(selectedKey, key.apply(r)));
            int shown = at >= 0 ? at : (int) Math.min(rows.size() - 1L, index - shift);
            revealPending = at < 0; // not in memory yet: select it once its page arrives
            revealIndex.set(-1);
            revealIndex.set(shown);
          }
        },
        error -> LOG.warn("Finding {} in {} failed: {}", searchKey, what, error.toString()));
  }

  /**
   * Writes every row of the current list (filter included) as CSV, reading pages on a worker
   * thread; {@code done} gets a sentence saying where it went or why it failed.
   */
  public void exportCsv(
      java.nio.file.Path file,
      List<String> headers,
      java.util.function.Function<R, List<String>> cells,
      Consumer<String> done) {
    RowSource<R> from = source;
    tasks.run(
        "export " + what,
        () -> CsvExport.write(file, headers, from, cells),
        n -> done.accept("Exported " + n + " " + what + " to " + file),
        error -> done.accept("Export failed: " + error.getMessage()));
  }

  /**
   * The tokens the list's token filter offers, read on a worker thread ({@code done} on the FX
   * thread; nothing while not connected).
   */
  public void loadTokens(Consumer<List<io.bridgescope.desktop.ports.TokenChoice>> done) {
    if (!base.isConnected()) {
      return;
    }
    tasks.run(
        "tokens of " + what,
        base::tokens,
        done::accept,
        error -> LOG.warn("Reading the tokens of {} failed: {}", what, error.toString()));
  }

  public RowSource<R> source() {
    return source;
  }

  public PagedList<R> rows() {
    return rows;
  }

  public ObjectProperty<R> selectedProperty() {
    return selected;
  }

  /** The index to scroll to and select after {@link #reveal}; -1 between reveals. */
  /**
   * Whether the row at {@code index} is the selected item: a reveal whose item is not in memory yet
   * scrolls to where it will be, and must not select whichever row is there now.
   */
  public boolean holdsSelectedAt(int index) {
    if (selectedKey == null || index < 0 || index >= rows.size()) {
      return false;
    }
    R row = rows.peek(index);
    return row != null && selectedKey.equals(key.apply(row));
  }

  public ReadOnlyIntegerProperty revealIndexProperty() {
    return revealIndex;
  }

  /**
   * Where the selected item is now after the rows changed (select it there, do not scroll); -2: not
   * among the rows in memory (clear the table's highlight, the detail stays); -1 between.
   */
  public ReadOnlyIntegerProperty selectIndexProperty() {
    return selectIndex;
  }

  /** Rows that arrived above the shown list, held back until {@link #showNewRows}. */
  public ReadOnlyLongProperty newRowsProperty() {
    return newRows;
  }

  public ReadOnlyBooleanProperty pausedProperty() {
    return paused;
  }

  /** Bumped whenever the rows were replaced, so the View can refresh visible cells. */
  public ReadOnlyIntegerProperty generationProperty() {
    return generation;
  }

  public ReadOnlyStringProperty filterProperty() {
    return filter;
  }

  public ReadOnlyStringProperty placeholderProperty() {
    return placeholder;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading;
  }

  public ReadOnlyLongProperty totalProperty() {
    return total;
  }

  @Override
  public void close() {
    changes.close();
  }
}
