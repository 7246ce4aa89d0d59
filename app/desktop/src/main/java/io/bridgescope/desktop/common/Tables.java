package io.bridgescope.desktop.common;

import io.bridgescope.desktop.widgets.Copyable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers so table Views stay binding-only. */
public final class Tables {

  private Tables() {}

  /** A read-only column showing {@code value(row)} as text. */
  public static <R> TableColumn<R, String> text(String title, Function<R, ?> value) {
    TableColumn<R, String> column = new TableColumn<>(title);
    column.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(String.valueOf(value.apply(c.getValue()))));
    return column;
  }

  /** A column of hashes or addresses: short text, full value in tooltip and copy menu. */
  public static <R> TableColumn<R, String> hex(
      String title, Function<R, ?> value, Copyable copyable) {
    TableColumn<R, String> column = text(title, value);
    column.setCellFactory(copyable.cells(s -> s));
    return column;
  }

  /** Binds rows and placeholder text of a table to its ViewModel. */
  public static <R> void bind(TableView<R> table, TableViewModel<R> vm) {
    table.setItems(vm.rows());
    Label placeholder = new Label();
    placeholder.getStyleClass().add("empty-state");
    placeholder.textProperty().bind(vm.placeholderProperty());
    placeholder.setWrapText(true);
    table.setPlaceholder(placeholder);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
  }
}
