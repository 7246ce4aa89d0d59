package io.bridgescope.desktop.notify;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A ControlsFX popup in the corner of the main window. */
public final class FxNotificationSink implements NotificationSink {

  private static final Logger LOG = LoggerFactory.getLogger(FxNotificationSink.class);

  @Override
  public void show(String title, String text) {
    if (Window.getWindows().stream().noneMatch(Window::isShowing)) {
      return; // ControlsFX needs a window to attach to; the in-app list still has the notice
    }
    try {
      Notifications.create()
          .title(title)
          .text(text)
          .hideAfter(Duration.seconds(8))
          .showInformation();
    } catch (RuntimeException e) {
      LOG.warn("Could not show a notification: {}", e.toString());
    }
  }
}
