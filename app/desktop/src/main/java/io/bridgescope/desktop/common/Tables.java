package io.bridgescope.desktop.common;

import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers so table Views stay binding-only. */
public final class Tables {

  /** What a cell shows while its page is loading. */
  public static final String LOADING = "…";

  private Tables() {}

  /** A read-only, unsortable column showing {@code value(row)} as text ("…" while loading). */
  public static <R> TableColumn<R, String> text(String title, Function<R, ?> value) {
    TableColumn<R, String> column = new TableColumn<>(title);
    column.setSortable(false); // rows are paged from the index in its order; no client sort
    column.setCellValueFactory(
        c ->
            new ReadOnlyObjectWrapper<>(
                c.getValue() == null ? LOADING : String.valueOf(value.apply(c.getValue()))));
    return column;
  }

  /** A column of hashes or addresses: short text, full value in tooltip and copy menu. */
  public static <R> TableColumn<R, String> hex(
      String title, Function<R, ?> value, Copyable copyable) {
    TableColumn<R, String> column = text(title, value);
    column.setCellFactory(copyable.cells(s -> s));
    return column;
  }

  /**
   * Binds a table to its ViewModel: paged rows, placeholder, refresh after reloads, reveal (scroll
   * + select) and the selected row.
   */
  public static <R> void bind(TableView<R> table, TableViewModel<R> vm) {
    table.setItems(vm.rows());
    Label placeholder = new Label();
    placeholder.getStyleClass().add("empty-state");
    placeholder.textProperty().bind(vm.placeholderProperty());
    placeholder.setWrapText(true);
    table.setPlaceholder(placeholder);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setFixedCellSize(26); // lets the virtual flow size a million rows without measuring
    vm.generationProperty().addListener((obs, old, now) -> table.refresh());
    vm.revealIndexProperty()
        .addListener(
            (obs, old, now) -> {
              int i = now.intValue();
              if (i >= 0 && i < table.getItems().size()) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
              }
            });
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (obs, old, now) -> {
              int i = now.intValue();
              R row = i < 0 ? null : vm.rows().peek(i);
              if (row != null) {
                vm.selectedProperty().set(row);
              }
            });
  }

  /** The text of every column for one row, for CSV export. */
  public static <R> List<String> cells(TableView<R> table, R row) {
    return table.getColumns().stream()
        .map(
            c -> {
              Object v =
                  c.getCellObservableValue(row) == null
                      ? null
                      : c.getCellObservableValue(row).getValue();
              return v == null ? "" : v.toString();
            })
        .toList();
  }

  public static <R> List<String> headers(TableView<R> table) {
    return table.getColumns().stream().map(TableColumn::getText).toList();
  }
}
