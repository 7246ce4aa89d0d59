package io.bridgescope.desktop.shell;

import io.bridgescope.desktop.notify.NotificationsViewModel;
import io.bridgescope.desktop.ports.Notice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/** The bell in the top bar: unread count, and the recent notices as its menu. */
final class BellMenu {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  /** A bell, drawn (no icon font is bundled). */
  private static final String BELL =
      "M7 1h2v1.1A5 5 0 0 1 13 7v4l1.5 2h-13L3 11V7a5 5 0 0 1 4-4.9zM6 14h4a2 2 0 0 1-4 0z";

  static final String EMPTY = "No notifications: watch a deposit, exit or address";

  private final MenuButton bell;
  private final NotificationsViewModel vm;

  BellMenu(MenuButton bell, NotificationsViewModel vm) {
    this.bell = bell;
    this.vm = vm;
    bell.setId("bell");
    bell.setTooltip(new Tooltip("Notifications about watched items"));
    javafx.scene.shape.SVGPath icon = new javafx.scene.shape.SVGPath();
    icon.setContent(BELL);
    icon.getStyleClass().add("bell-icon");
    bell.setGraphic(icon);
    bell.textProperty().bind(vm.unreadProperty().map(n -> n.intValue() == 0 ? "" : n.toString()));
    vm.notices().addListener((ListChangeListener<Notice>) c -> fill());
    bell.setOnShown(e -> vm.markRead());
    fill();
    vm.start();
  }

  private void fill() {
    if (vm.notices().isEmpty()) {
      MenuItem none = new MenuItem(EMPTY);
      none.setDisable(true);
      bell.getItems().setAll(none);
      return;
    }
    bell.getItems().setAll(vm.notices().stream().limit(30).map(this::item).toList());
  }

  /** One entry; choosing it opens its item (or, for a folded entry, its address's items). */
  private MenuItem item(Notice n) {
    MenuItem m = new MenuItem(TIME.format(n.at()) + "  " + n.title() + " — " + n.text());
    m.setDisable(n.target().isEmpty());
    m.setOnAction(e -> vm.open(n));
    return m;
  }
}
