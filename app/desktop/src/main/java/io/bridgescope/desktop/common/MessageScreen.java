package io.bridgescope.desktop.common;

import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.desktop.dialogs.FilePicker;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The shared binding of the Deposits and Exits screens: table, filter, export, detail pane. */
public final class MessageScreen {

  private MessageScreen() {}

  /** The nodes of a message screen's FXML that the shared binding fills and binds. */
  public record Nodes<R>(
      TableView<R> table,
      StackPane detailHost,
      Label totalLabel,
      HBox filterBox,
      Label filterLabel,
      HBox filterBar) {}

  /**
   * Binds a message screen's {@code nodes} to its ViewModel.
   *
   * @param stages the stages its filter bar offers (deposits and exits pass through different ones)
   */
  public static <R> void bind(
      Nodes<R> nodes,
      MessageListViewModel<R> vm,
      List<Stage> stages,
      Copyable copyable,
      Consumer<String> openUrl) {
    TableView<R> table = nodes.table();
    MessageDetailViewModel detail = vm.detail();
    Tables.bind(table, vm.table());
    MessageFilterBar bar = new MessageFilterBar(vm.table(), stages, detail.watches());
    nodes.filterBar().getChildren().setAll(bar, Tables.liveBar(table, vm.table()));
    if (nodes.filterBar().getParent() instanceof javafx.scene.layout.Pane screen) {
      int at = screen.getChildren().indexOf(nodes.filterBar());
      screen.getChildren().add(at + 1, bar.assetRow());
    }
    MessageFilterBar.sortableById(table, table.getColumns().get(0), vm.table());
    nodes.detailHost().getChildren().setAll(new MessageDetailPane(detail, copyable, openUrl));
    nodes
        .totalLabel()
        .textProperty()
        .bind(vm.table().totalProperty().asString(Locale.ROOT, "%,d rows"));
    nodes
        .filterLabel()
        .textProperty()
        .bind(vm.table().filterProperty().concat("").map(f -> "Showing only " + f));
    HBox filterBox = nodes.filterBox();
    filterBox.visibleProperty().bind(vm.table().filterProperty().isNotEmpty());
    filterBox.managedProperty().bind(filterBox.visibleProperty());
  }

  /** Asks for a file (FX thread) and exports the table's columns to it on a worker thread. */
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

  /**
   * Asks for a file (FX thread) and exports the list to it on a worker thread, with the columns
   * {@code csv} gives (not the table's: times, blocks and raw amounts too).
   */
  public static <R> void exportCsv(
      TableViewModel<R> vm,
      FilePicker files,
      String name,
      MessageCsv.Columns<R> csv,
      Consumer<String> done) {
    files
        .saveFile("Export as CSV", name + ".csv", "CSV", "*.csv")
        .ifPresent(f -> vm.exportCsv(f, csv.headers(), csv::cells, done));
  }
}
