package io.bridgescope.desktop.common;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.notify.NotificationsViewModel;
import io.bridgescope.desktop.ports.TokenChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * Status, address, time and order controls over a Deposits or Exits table, and an asset row with
 * the asset kind and token choosers. Every change is one {@link TableViewModel#applyFilter}
 * (SQL-side); a filter set elsewhere (an address search) shows up in the controls. With an address
 * set, "Watch address" adds it to the watch list.
 */
public final class MessageFilterBar extends HBox {

  static final String ANY_STATUS = "Any status";
  static final String ANY_KIND = "Any kind";
  static final List<String> KINDS =
      List.of(ANY_KIND, "ERC-20", "ERC-721", "ERC-1155", "Unknown payload");
  static final TokenChoice ANY_TOKEN = new TokenChoice(Address.ZERO, "Any token");
  static final List<String> TIMES = List.of("Any time", "Last hour", "Last 24 h", "Last 7 days");
  static final List<String> ORDERS =
      List.of("Newest first", "Oldest first", "Newest by time", "Oldest by time");

  private final TableViewModel<?> vm;
  private final List<Stage> stages;
  private final ComboBox<String> status = new ComboBox<>();
  private final ComboBox<String> kind = new ComboBox<>();
  private final ComboBox<TokenChoice> token = new ComboBox<>();
  private final HBox assetRow = new HBox(6);
  private final TextField address = new TextField();
  private final ComboBox<String> time = new ComboBox<>();
  private final ComboBox<String> order = new ComboBox<>();
  private final Label error = new Label();
  private final ToggleButton watchAddress = new ToggleButton("Watch address");
  private boolean syncing;

  public MessageFilterBar(
      TableViewModel<?> vm, List<Stage> stages, Optional<NotificationsViewModel> watches) {
    super(6);
    this.vm = vm;
    this.stages = stages;
    getStyleClass().add("filter-bar");
    status.getItems().add(ANY_STATUS);
    stages.forEach(s -> status.getItems().add(FilterWords.stage(s)));
    status.setId("filter-status");
    kind.getItems().setAll(KINDS);
    kind.setId("filter-kind");
    token.getItems().setAll(List.of(ANY_TOKEN));
    token.setId("filter-token");
    token.setTooltip(new Tooltip("The tokens mapped on this bridge, by symbol"));
    token.setOnShowing(e -> refreshTokens()); // a token mapped since the list was read
    address.setPromptText("Address 0x…");
    address.setPrefColumnCount(14);
    address.setId("filter-address");
    time.getItems().setAll(TIMES);
    time.setId("filter-time");
    order.getItems().setAll(ORDERS);
    order.setId("filter-order");
    error.getStyleClass().add("error-text");
    Button apply = new Button("Filter");
    apply.setId("filter-apply");
    apply.setOnAction(e -> apply());
    token.setOnAction(e -> apply());
    kind.setOnAction(e -> apply());
    address.setOnAction(e -> apply());
    status.setOnAction(e -> apply());
    time.setOnAction(e -> apply());
    order.setOnAction(e -> apply());
    getChildren().addAll(status, address, time, order, apply, error);
    Label assets = new Label("Asset");
    assets.getStyleClass().add("muted");
    assetRow.getChildren().addAll(assets, kind, token);
    assetRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    assetRow.getStyleClass().add("filter-bar");
    // At 1280x800 the bar shares its row with the live controls: the two text fields give up
    // width first, and the boxes and the button keep their whole words (issue 16 item 7).
    for (javafx.scene.layout.Region r :
        List.of(status, time, order, apply, watchAddress, assets, kind, token)) {
      r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    address.setMinWidth(80);
    watches.ifPresent(w -> bindWatch(w));
    vm.filterStateProperty().addListener((obs, old, now) -> show(now));
    show(vm.filterStateProperty().get());
    refreshTokens();
  }

  /**
   * The asset kind and token choosers, a row of their own under the bar (the bar's row is full at
   * 1280x800); the screen places it.
   */
  public HBox assetRow() {
    return assetRow;
  }

  private void refreshTokens() {
    vm.loadTokens(
        list -> {
          syncing = true;
          try {
            TokenChoice shown = token.getValue();
            List<TokenChoice> items = new java.util.ArrayList<>(List.of(ANY_TOKEN));
            items.addAll(list);
            if (shown != null && !items.contains(shown)) {
              items.add(shown); // a filter on a token that is not (yet) mapped stays visible
            }
            token.getItems().setAll(items);
            token.setValue(shown == null ? ANY_TOKEN : shown);
          } finally {
            syncing = false;
          }
        });
  }

  /** The chooser's entry for a token, added when the filter names one it does not list. */
  private TokenChoice choice(Address t) {
    for (TokenChoice c : token.getItems()) {
      if (c.token().equals(t) && !c.equals(ANY_TOKEN)) {
        return c;
      }
    }
    TokenChoice c = new TokenChoice(t, io.bridgescope.desktop.widgets.ShortHex.of(t.toString()));
    token.getItems().add(c);
    return c;
  }

  /**
   * Clicking the id column's header orders by id (newest or oldest first) in SQL, like the order
   * box: the table never sorts its paged rows itself.
   */
  public static <R> void sortableById(
      javafx.scene.control.TableView<R> table,
      javafx.scene.control.TableColumn<R, ?> id,
      TableViewModel<R> vm) {
    id.setSortable(true);
    table.setSortPolicy(
        t -> {
          if (t.getSortOrder().contains(id)) {
            MessageFilter.Order o =
                id.getSortType() == javafx.scene.control.TableColumn.SortType.ASCENDING
                    ? MessageFilter.Order.OLDEST_ID
                    : MessageFilter.Order.NEWEST_ID;
            // after the header's own sort pass: replacing the rows inside it confuses the table
            javafx.application.Platform.runLater(
                () -> vm.applyFilter(vm.filterStateProperty().get().withOrder(o)));
          }
          return true;
        });
  }

  private void bindWatch(NotificationsViewModel w) {
    watchAddress.setId("watch-address");
    watchAddress.setTooltip(new Tooltip("Notify me when any deposit or exit of it changes"));
    watchAddress.setOnAction(
        e -> {
          var a = vm.filterStateProperty().get().address();
          if (a.isPresent()) {
            w.setWatched(
                WatchKind.ADDRESS,
                a.get().toString(),
                watchAddress.isSelected(),
                watchAddress::setSelected);
          }
        });
    watchAddress.visibleProperty().bind(address.textProperty().isNotEmpty());
    watchAddress.managedProperty().bind(watchAddress.visibleProperty());
    vm.filterStateProperty()
        .addListener(
            (obs, old, now) ->
                now.address()
                    .ifPresent(
                        a ->
                            w.isWatched(
                                WatchKind.ADDRESS, a.toString(), watchAddress::setSelected)));
    getChildren().add(getChildren().size() - 1, watchAddress);
  }

  /** The controls as the filter in force says (after a search or "Show all"). */
  private void show(MessageFilter f) {
    syncing = true;
    try {
      status.setValue(f.stage().map(FilterWords::stage).orElse(ANY_STATUS));
      token.setValue(f.token().map(this::choice).orElse(ANY_TOKEN));
      kind.setValue(f.kind().map(k -> KINDS.get(k.ordinal() + 1)).orElse(ANY_KIND));
      address.setText(f.address().map(Address::toString).orElse(""));
      if (f.from().isEmpty()) {
        time.setValue(TIMES.get(0));
      }
      order.setValue(ORDERS.get(f.order().ordinal()));
      error.setText("");
    } finally {
      syncing = false;
    }
  }

  private void apply() {
    if (syncing) {
      return;
    }
    try {
      Optional<Stage> stage =
          stages.stream().filter(s -> FilterWords.stage(s).equals(status.getValue())).findFirst();
      Optional<Instant> from =
          switch (TIMES.indexOf(time.getValue())) {
            case 1 -> Optional.of(Instant.now().minus(Duration.ofHours(1)));
            case 2 -> Optional.of(Instant.now().minus(Duration.ofDays(1)));
            case 3 -> Optional.of(Instant.now().minus(Duration.ofDays(7)));
            default -> Optional.empty();
          };
      int o = Math.max(0, ORDERS.indexOf(order.getValue()));
      int k = KINDS.indexOf(kind.getValue());
      TokenChoice t = token.getValue();
      MessageFilter f =
          new MessageFilter(
              stage,
              t == null || t.equals(ANY_TOKEN) ? Optional.empty() : Optional.of(t.token()),
              parse(address.getText(), "address"),
              from,
              Optional.empty(),
              MessageFilter.Order.values()[o],
              k <= 0 ? Optional.empty() : Optional.of(AssetKind.values()[k - 1]));
      error.setText(vm.applyFilter(f) ? "" : "This list cannot filter that way");
    } catch (IllegalArgumentException e) {
      error.setText(e.getMessage());
    }
  }

  private static Optional<Address> parse(String text, String what) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Address.of(t));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not an address (" + what + "): " + t);
    }
  }
}
