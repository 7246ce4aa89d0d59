package io.bridgescope.desktop.common;

import io.bridgescope.desktop.concurrent.TaskRunner;
import io.bridgescope.desktop.concurrent.UiCoalescer;
import io.bridgescope.desktop.ports.RowSource;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one table screen: the first page of rows, the total, and what to show when there are
 * none (not connected, nothing yet, or the load error). Rows load on a worker thread.
 */
public final class TableViewModel<R> implements AutoCloseable {

  public static final String NOT_CONNECTED = "No data: the indexer is not connected yet";
  static final int FIRST_PAGE = 200;
  private static final Logger LOG = LoggerFactory.getLogger(TableViewModel.class);

  private record Page<R>(long total, List<R> rows) {}

  private final ObservableList<R> rows = FXCollections.observableArrayList();
  private final StringProperty placeholder = new SimpleStringProperty(NOT_CONNECTED);
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final LongProperty total = new SimpleLongProperty();
  private final String what;
  private final RowSource<R> source;
  private final TaskRunner tasks;
  private final UiCoalescer.Factory coalescers;
  private AutoCloseable subscription;

  /**
   * @param what plural noun for messages, e.g. "deposits"
   */
  public TableViewModel(
      String what, RowSource<R> source, TaskRunner tasks, UiCoalescer.Factory coalescers) {
    this.what = what;
    this.source = source;
    this.tasks = tasks;
    this.coalescers = coalescers;
  }

  /** Loads the first page and follows changes; without an index it only says so. */
  public void start() {
    if (!source.isConnected()) {
      placeholder.set(NOT_CONNECTED);
      return;
    }
    if (subscription == null) {
      Consumer<Boolean> changes = coalescers.create(ignored -> reload());
      subscription = source.subscribe(() -> changes.accept(Boolean.TRUE));
    }
    reload();
  }

  public void reload() {
    loading.set(true);
    placeholder.set("Loading " + what + "…");
    tasks.run(
        "load " + what,
        () -> new Page<>(source.count(), source.page(0, FIRST_PAGE)),
        page -> {
          loading.set(false);
          total.set(page.total());
          rows.setAll(page.rows());
          placeholder.set(page.total() == 0 ? "No " + what + " yet" : "");
        },
        error -> {
          loading.set(false);
          placeholder.set("Could not load " + what + ": " + error.getMessage());
        });
  }

  public ObservableList<R> rows() {
    return rows;
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
