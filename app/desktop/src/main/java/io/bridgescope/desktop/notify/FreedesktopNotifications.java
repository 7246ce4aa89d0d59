package io.bridgescope.desktop.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The desktop's notification service on the session bus, as the freedesktop.org Desktop
 * Notifications Specification names it (bus name {@value #BUS_NAME}, object {@value #PATH}); only
 * the one method Bridgescope calls.
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotifications extends DBusInterface {

  String BUS_NAME = "org.freedesktop.Notifications";
  String PATH = "/org/freedesktop/Notifications";

  /**
   * {@code Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)}:
   * shows a notification and answers its id.
   */
  @DBusMemberName("Notify")
  UInt32 show(
      String appName,
      UInt32 replacesId,
      String appIcon,
      String summary,
      String body,
      List<String> actions,
      Map<String, Variant<?>> hints,
      int expireTimeoutMillis);
}
