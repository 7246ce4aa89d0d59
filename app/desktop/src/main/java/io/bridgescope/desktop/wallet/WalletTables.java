package io.bridgescope.desktop.wallet;

import io.bridgescope.desktop.wallet.WalletPort.AccountDeposit;
import io.bridgescope.desktop.wallet.WalletPort.AccountExit;
import io.bridgescope.desktop.wallet.WalletPort.TxLine;
import io.bridgescope.desktop.widgets.Copyable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Columns and action cells of the account's exits, deposits and transactions. */
final class WalletTables {

  private WalletTables() {}

  static void exits(TableView<AccountExit> t, Consumer<AccountExit> claim) {
    t.getColumns().add(text("Exit", e -> e.id().toString(), 60));
    t.getColumns().add(text("Stage", AccountExit::stage, 110));
    t.getColumns().add(text("Amount", AccountExit::amount, 120));
    t.getColumns().add(text("ETA", AccountExit::eta, 80));
    t.getColumns().add(text("Status", e -> e.pending().isEmpty() ? e.reason() : e.pending(), 320));
    t.getColumns().add(action("", "Claim…", AccountExit::ready, claim));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    t.setPlaceholder(new Label("No exits of this account in the index."));
  }

  static void deposits(TableView<AccountDeposit> t, Consumer<AccountDeposit> execute) {
    t.getColumns().add(text("Deposit", d -> d.id().toString(), 70));
    t.getColumns().add(text("Stage", AccountDeposit::stage, 110));
    t.getColumns().add(text("Amount", AccountDeposit::amount, 120));
    t.getColumns().add(text("Status", AccountDeposit::reason, 380));
    t.getColumns().add(action("", "Self-execute…", AccountDeposit::selfExecutable, execute));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    t.setPlaceholder(new Label("No deposits of this account in the index."));
  }

  static void transactions(TableView<TxLine> t, Copyable copyable) {
    t.getColumns().add(text("#", x -> Long.toString(x.id()), 40));
    t.getColumns().add(text("Purpose", TxLine::purpose, 120));
    t.getColumns().add(text("State", TxLine::state, 80));
    t.getColumns().add(text("Chain", TxLine::chain, 60));
    TableColumn<TxLine, String> hash = text("Tx hash", TxLine::hash, 260);
    hash.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : copyable.label(item));
              }
            });
    t.getColumns().add(hash);
    t.getColumns().add(text("Note", TxLine::note, 220));
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    t.setPlaceholder(new Label("No transactions sent from this app on this network."));
  }

  private static <S> TableColumn<S, String> text(String title, Function<S, String> f, double w) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(w);
    return c;
  }

  private static <S> TableColumn<S, S> action(
      String title, String label, Predicate<S> enabled, Consumer<S> run) {
    TableColumn<S, S> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
    c.setPrefWidth(110);
    c.setMinWidth(110);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final Button button = new Button(label);

              @Override
              protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || !enabled.test(item)) {
                  setGraphic(null);
                  return;
                }
                button.setOnAction(e -> run.accept(item));
                setGraphic(button);
              }
            });
    return c;
  }
}
