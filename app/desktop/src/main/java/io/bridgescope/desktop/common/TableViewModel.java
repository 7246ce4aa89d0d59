package io.bridgescope.desktop.common;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.RowSource;
import java.util.List;
import java.util.function.Consumer;
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

  private record Page<R>(long total, List<R> rows) {}

  private final PagedList<R> rows = new PagedList<>(this::loadPage);
  private final StringProperty placeholder = new SimpleStringProperty(NOT_CONNECTED);
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final LongProperty total = new SimpleLongProperty();
  private final IntegerProperty generation = new SimpleIntegerProperty();
  private final IntegerProperty revealIndex = new SimpleIntegerProperty(-1);
  private final ObjectProperty<R> selected = new SimpleObjectProperty<>();
  private final StringProperty filter = new SimpleStringProperty("");
  private final ObjectProperty<MessageFilter> filterState =
      new SimpleObjectProperty<>(MessageFilter.NONE);
  private final String what;
  private final RowSource<R> base;
  private RowSource<R> source;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private AutoCloseable subscription;
  private boolean reloading;
  private boolean reloadAgain;

  /**
   * @param what plural noun for messages, e.g. "deposits"
   */
  public TableViewModel(
      String what, RowSource<R> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.what = what;
    this.base = source;
    this.source = source;
    this.tasks = tasks;
    this.coalescers = coalescers;
  }

  /** Loads the first page and follows changes (a network opening later counts as one). */
  public void start() {
    if (subscription == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> reload());
      subscription = base.subscribe(() -> changes.accept(Boolean.TRUE));
    }
    reload();
  }

  public void reload() {
    if (!source.isConnected()) {
      placeholder.set(NOT_CONNECTED);
      total.set(0);
      rows.reset(0, List.of(), 0);
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
    tasks.run(
        "load " + what,
        () -> new Page<>(from.count(), from.page(0, FIRST_PAGE)),
        page -> {
          finishReload();
          if (from != source) {
            reload();
            return;
          }
          long old = total.get();
          int size = (int) Math.min(Integer.MAX_VALUE, page.total());
          int added = old > 0 && page.total() > old ? (int) (page.total() - old) : 0;
          total.set(page.total());
          rows.reset(size, page.rows(), added);
          generation.set(generation.get() + 1);
          placeholder.set(page.total() == 0 ? "No " + what + " yet" : "");
        },
        error -> {
          finishReload();
          placeholder.set("Could not load " + what + ": " + error.getMessage());
        });
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
    tasks.run(
        "load " + what + " page " + page,
        () -> from.page(page * PagedList.PAGE, PagedList.PAGE),
        loaded -> {
          if (from == source && gen == generation.get()) {
            rows.putPage(page, loaded);
          } else {
            rows.pageFailed(page);
          }
        },
        error -> {
          rows.pageFailed(page);
          LOG.warn("Loading {} page {} failed: {}", what, page, error.toString());
        });
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
    rows.reset(0, List.of(), 0);
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

  /** Retries when the rows were reloaded meanwhile: the index found may point elsewhere now. */
  private void reveal(String key, int attempts) {
    RowSource<R> from = source;
    int gen = generation.get();
    tasks.run(
        "find " + key + " in " + what,
        () -> {
          var at = from.indexOf(key);
          if (at.isEmpty()) {
            return null;
          }
          int index = (int) at.getAsLong();
          List<R> one = from.page(index, 1);
          return one.isEmpty() ? null : new Object[] {index, one.get(0)};
        },
        found -> {
          if (gen != generation.get() && attempts > 1) {
            reveal(key, attempts - 1);
            return;
          }
          if (found == null) {
            placeholder.set("");
            return;
          }
          @SuppressWarnings("unchecked")
          R row = (R) ((Object[]) found)[1];
          selected.set(row);
          revealIndex.set(-1);
          revealIndex.set((Integer) ((Object[]) found)[0]);
        },
        error -> LOG.warn("Finding {} in {} failed: {}", key, what, error.toString()));
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
  public ReadOnlyIntegerProperty revealIndexProperty() {
    return revealIndex;
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
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("Closing the {} subscription failed", what, e);
      }
      subscription = null;
    }
  }
}
