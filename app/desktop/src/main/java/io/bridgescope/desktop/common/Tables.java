package io.bridgescope.desktop.common;

import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

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

  /**
   * A text column at least {@code minWidth} wide whose cells carry their whole text as a tooltip (a
   * long batch's items are cut by the column, not lost).
   */
  public static <R> TableColumn<R, String> longText(
      String title, Function<R, ?> value, double minWidth) {
    TableColumn<R, String> column = text(title, value);
    column.setMinWidth(minWidth);
    column.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
              }
            });
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
    if (table.getParent() instanceof javafx.scene.layout.VBox box) {
      // the bar that shows held-back rows sits right above the table
      box.getChildren().add(box.getChildren().indexOf(table), liveBar(table, vm));
    }
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
                // selected only if that row is the item: one not loaded yet is selected when its
                // row arrives (selecting the row at its position would select a neighbour)
                if (vm.holdsSelectedAt(i)) {
                  table.getSelectionModel().clearAndSelect(i);
                }
                table.scrollTo(Math.max(0, i - 3));
              }
            });
    // the selection is the item's key in the ViewModel; the table's index only mirrors it
    vm.selectIndexProperty()
        .addListener(
            (obs, old, now) -> {
              int i = now.intValue();
              var selection = table.getSelectionModel();
              if (i >= 0 && i < table.getItems().size() && selection.getSelectedIndex() != i) {
                selection.clearAndSelect(i);
              } else if (i == -2 && selection.getSelectedIndex() >= 0) {
                selection.clearSelection();
              }
            });
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener((obs, old, now) -> vm.userSelected(now.intValue()));
  }

  /**
   * The live controls of a table: "N new rows (click to show)" while rows that arrived wait above
   * the list (the rows under the pointer never move), and a pause for live updates. The table's
   * ViewModel holds new rows back from then on.
   */
  public static <R> HBox liveBar(TableView<R> table, TableViewModel<R> vm) {
    Button show = new Button();
    show.setId("new-rows");
    show.getStyleClass().add("new-rows");
    show.textProperty()
        .bind(
            vm.newRowsProperty()
                .map(n -> String.format(java.util.Locale.ROOT, "%,d new rows (click to show)", n)));
    show.visibleProperty().bind(vm.newRowsProperty().greaterThan(0));
    show.managedProperty().bind(show.visibleProperty());
    show.setOnAction(
        e -> {
          vm.showNewRows();
          table.scrollTo(0);
        });
    ToggleButton pause = new ToggleButton("Pause live updates");
    pause.setId("pause-live");
    pause.setTooltip(new Tooltip("Keep the list as it is; new rows are counted, not shown"));
    pause.selectedProperty().addListener((obs, old, on) -> vm.setPaused(on));
    pause
        .textProperty()
        .bind(
            pause.selectedProperty().map(on -> on ? "Resume live updates" : "Pause live updates"));
    vm.holdNewRows(true);
    // whole words on both buttons: the filter bar beside them gives up width first
    show.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    pause.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox bar = new HBox(8, show, pause);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return bar;
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
