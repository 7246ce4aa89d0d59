package io.bridgescope.desktop.common;

import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The shared binding of the Deposits and Exits screens: table, filter, export, detail pane. */
public final class MessageScreen {

  private MessageScreen() {}

  public static <R> void bind(
      TableView<R> table,
      TableViewModel<R> vm,
      MessageDetailViewModel detail,
      StackPane detailHost,
      Label totalLabel,
      HBox filterBox,
      Label filterLabel,
      HBox filterBar,
      java.util.List<io.bridgescope.core.lifecycle.Stage> stages,
      Copyable copyable,
      Consumer<String> openUrl) {
    Tables.bind(table, vm);
    filterBar.getChildren().setAll(new MessageFilterBar(vm, stages, detail.watches()));
    MessageFilterBar.sortableById(table, table.getColumns().get(0), vm);
    detailHost.getChildren().setAll(new MessageDetailPane(detail, copyable, openUrl));
    totalLabel.textProperty().bind(vm.totalProperty().asString(Locale.ROOT, "%,d rows"));
    filterLabel.textProperty().bind(vm.filterProperty().concat("").map(f -> "Showing only " + f));
    filterBox.visibleProperty().bind(vm.filterProperty().isNotEmpty());
    filterBox.managedProperty().bind(filterBox.visibleProperty());
  }

  /** Asks for a file (FX thread) and exports the table to it on a worker thread. */
  public static <R> void exportCsv(
      TableView<R> table,
      TableViewModel<R> vm,
      FilePicker files,
      String name,
      Consumer<String> done) {
    files
        .saveFile("Export as CSV", name + ".csv", "CSV", "*.csv")
        .ifPresent(f -> vm.exportCsv(f, Tables.headers(table), r -> Tables.cells(table, r), done));
  }
}
