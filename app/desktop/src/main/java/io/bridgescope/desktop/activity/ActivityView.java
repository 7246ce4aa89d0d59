package io.bridgescope.desktop.activity;

import io.bridgescope.desktop.common.Tables;
import io.bridgescope.desktop.widgets.ShortHex;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;

/**
 * Binds My activity. A one-second timeline moves the countdowns while the screen is shown; the
 * action buttons act on the row's item (by its key), never on a row position.
 */
public final class ActivityView {

  private final ActivityViewModel vm;
  private final Timeline ticker;
  private boolean replacing;
  @FXML private Label statusLabel;
  @FXML private ListView<ActivityAccount> accountList;
  @FXML private TextField addressField;
  @FXML private Button followButton;
  @FXML private Button removeAddressButton;
  @FXML private Label addressErrorLabel;
  @FXML private Label totalLabel;
  @FXML private Label readyLabel;
  @FXML private Button actionButton;
  @FXML private Button claimAllButton;
  @FXML private TableView<ActivityItem> table;

  public ActivityView(ActivityViewModel vm) {
    this.vm = vm;
    this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
  }

  @FXML
  private void initialize() {
    statusLabel.textProperty().bind(vm.statusProperty());
    show(statusLabel, vm.statusProperty().isNotEmpty());
    bindAccounts();
    columns();
    Tables.bind(table, vm.table());
    totalLabel.textProperty().bind(vm.table().totalProperty().asString(Locale.ROOT, "%,d items"));
    readyLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.readyProperty().get() == 0
                        ? ""
                        : vm.readyProperty().get() + " exit(s) ready to claim",
                vm.readyProperty()));
    claimAllButton.disableProperty().bind(vm.canClaimAllProperty().not());
    claimAllButton.setOnAction(e -> vm.claimAllReady());
    actionButton
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  ActivityItem s = vm.currentProperty().get();
                  return s == null || s.action() == ActivityItem.NextAction.NONE;
                },
                vm.currentProperty()));
    actionButton
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  ActivityItem s = vm.currentProperty().get();
                  return s == null || s.action() == ActivityItem.NextAction.NONE
                      ? "Next action…"
                      : s.action().label() + " " + s.key();
                },
                vm.currentProperty()));
    actionButton.setOnAction(e -> vm.actOnSelected());
    // the countdowns move only while the screen is shown; the keys are read again on each visit
    table
        .sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene == null) {
                ticker.stop();
              } else {
                vm.refreshAccounts();
                vm.tick();
                ticker.play();
              }
            });
  }

  private void bindAccounts() {
    // Registered before the list view's own listeners, so they run first and last around its
    // reaction to a replaced list: while it moves its selection by position, that is not a choice.
    vm.accounts()
        .addListener(
            (javafx.collections.ListChangeListener<ActivityAccount>) c -> replacing = true);
    accountList.setItems(vm.accounts());
    accountList.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(ActivityAccount a, boolean empty) {
                super.updateItem(a, empty);
                setText(
                    empty || a == null
                        ? null
                        : a.address().isEmpty()
                            ? a.label()
                            : a.key()
                                .map(k -> k + "\n" + ShortHex.of(a.address().get().toString()))
                                .orElse("followed\n" + ShortHex.of(a.label())));
              }
            });
    accountList.getSelectionModel().select(vm.selectedAccountProperty().get());
    // after the list is replaced, the chosen account is selected again (not whatever row the list
    // view kept by position)
    vm.accounts()
        .addListener(
            (javafx.collections.ListChangeListener<ActivityAccount>)
                c -> {
                  replacing = false;
                  accountList.getSelectionModel().select(vm.selectedAccountProperty().get());
                });
    vm.selectedAccountProperty()
        .addListener(
            (obs, old, now) -> {
              if (accountList.getSelectionModel().getSelectedItem() != now) {
                accountList.getSelectionModel().select(now);
              }
            });
    accountList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && !replacing) {
                vm.selectedAccountProperty().set(now);
              }
            });
    followButton.setOnAction(
        e -> {
          vm.addAddress(addressField.getText());
          addressField.clear();
        });
    addressField.setOnAction(followButton.getOnAction());
    removeAddressButton
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  ActivityAccount a = vm.selectedAccountProperty().get();
                  return a == null || !a.removable();
                },
                vm.selectedAccountProperty()));
    removeAddressButton.setOnAction(e -> vm.removeSelectedAddress());
    addressErrorLabel.textProperty().bind(vm.addressErrorProperty());
    show(addressErrorLabel, vm.addressErrorProperty().isNotEmpty());
  }

  private void columns() {
    TableColumn<ActivityItem, String> item = width(Tables.text("Item", ActivityItem::key), 110);
    item.setMinWidth(100); // "deposit 1234" whole: it is what the actions name
    table.getColumns().add(item);
    table.getColumns().add(width(Tables.text("Account", ActivityView::account), 100));
    table.getColumns().add(width(Tables.text("Stage", ActivityItem::stage), 105));
    TableColumn<ActivityItem, String> due = width(new TableColumn<>("Next step due"), 105);
    due.setSortable(false);
    due.setId("countdown");
    // a binding on the ViewModel's clock: the visible cells redraw on every tick
    due.setCellValueFactory(
        c ->
            c.getValue() == null
                ? new ReadOnlyObjectWrapper<>(Tables.LOADING)
                : Bindings.createStringBinding(() -> vm.countdown(c.getValue()), vm.nowProperty()));
    table.getColumns().add(due);
    table.getColumns().add(width(Tables.longText("What", ActivityItem::what, 140), 230));
    table.getColumns().add(Tables.longText("Where it stands", ActivityView::words, 240));
    table.getColumns().add(actionColumn());
  }

  private static <C extends TableColumn<ActivityItem, ?>> C width(C c, double w) {
    c.setPrefWidth(w);
    return c;
  }

  private static String account(ActivityItem i) {
    return i.signer().orElse(ShortHex.of(i.account().toString()));
  }

  private static String words(ActivityItem i) {
    String s = i.reason().isEmpty() ? i.nextStep() : i.reason();
    return i.pending().isEmpty() ? s : i.pending() + " · " + s;
  }

  private TableColumn<ActivityItem, ActivityItem> actionColumn() {
    TableColumn<ActivityItem, ActivityItem> c = new TableColumn<>("");
    c.setSortable(false);
    c.setMinWidth(120);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final Button button = new Button();

              @Override
              protected void updateItem(ActivityItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.action() == ActivityItem.NextAction.NONE) {
                  setGraphic(null);
                  return;
                }
                button.setText(item.action().label());
                button.setId("act-" + item.key().replace(' ', '-'));
                button.setOnAction(e -> vm.act(item));
                setGraphic(button);
              }
            });
    return c;
  }

  private static void show(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue b) {
    n.visibleProperty().bind(b);
    n.managedProperty().bind(b);
  }
}
