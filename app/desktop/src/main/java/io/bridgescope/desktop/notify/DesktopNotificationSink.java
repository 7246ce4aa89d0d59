package io.bridgescope.desktop.notify;

import io.bridgescope.desktop.concurrent.TaskRunner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a notice as the desktop's own notification (the freedesktop Notifications service on the
 * session bus: GNOME, KDE, XFCE and most Linux desktops) and, where there is no session bus or no
 * such service, as the in-app popup instead. The bell's list holds every notice either way.
 *
 * <p>The D-Bus call runs on a worker ({@link TaskRunner}), never on the FX thread. Each notice
 * tries the service again, so one started after the app is used from then on.
 */
public final class DesktopNotificationSink implements NotificationSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopNotificationSink.class);
  private static final String APP = "Bridgescope";
  private static final int SHOW_MILLIS = 8000;

  private final NotificationSink fallback;
  private final TaskRunner tasks;
  private final @Nullable String busAddress;
  private @Nullable DBusConnection connection; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param fallback where a notice goes when the desktop cannot show it
   * @param busAddress the session bus ({@code DBUS_SESSION_BUS_ADDRESS}); null or blank: none
   */
  public DesktopNotificationSink(
      NotificationSink fallback, TaskRunner tasks, @Nullable String busAddress) {
    this.fallback = fallback;
    this.tasks = tasks;
    this.busAddress = busAddress == null || busAddress.isBlank() ? null : busAddress;
  }

  /** The sink for this machine: the session bus from the environment, if any. */
  public static DesktopNotificationSink fromEnvironment(
      NotificationSink fallback, TaskRunner tasks) {
    return new DesktopNotificationSink(fallback, tasks, System.getenv("DBUS_SESSION_BUS_ADDRESS"));
  }

  @Override
  public void show(String title, String text) {
    if (busAddress == null) {
      fallback.show(title, text);
      return;
    }
    tasks.run(
        "desktop notification",
        () -> send(title, text),
        id -> {},
        failure -> {
          LOG.info(
              "The desktop did not take a notification ({}); shown in the app", failure.toString());
          fallback.show(title, text);
        });
  }

  /**
   * How long connecting to the session bus may take. The bus is a local socket that answers at once
   * when it works; dbus-java's own default (10 s) kept a notice from a dead bus waiting that long
   * before the in-app popup showed it.
   */
  static final int CONNECT_MILLIS = 2_000;

  private synchronized UInt32 send(String title, String text) throws DBusException {
    if (closed) {
      throw new DBusException("notifications are closed");
    }
    if (connection == null) {
      connection =
          DBusConnectionBuilder.forAddress(busAddress)
              .withShared(false)
              .transportConfig()
              .withTimeout(CONNECT_MILLIS)
              .back()
              .build();
    }
    try {
      FreedesktopNotifications n =
          connection.getRemoteObject(
              FreedesktopNotifications.BUS_NAME,
              FreedesktopNotifications.PATH,
              FreedesktopNotifications.class);
      return n.show(APP, new UInt32(0), "", title, text, List.of(), Map.of(), SHOW_MILLIS);
    } catch (RuntimeException | DBusException e) {
      // a lost bus leaves a dead connection: the next notice connects afresh
      dropConnection();
      throw e;
    }
  }

  private synchronized void dropConnection() {
    DBusConnection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        LOG.debug("closing the session bus connection: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    dropConnection();
  }
}
