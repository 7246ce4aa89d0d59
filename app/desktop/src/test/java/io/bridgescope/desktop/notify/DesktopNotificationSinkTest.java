package io.bridgescope.desktop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.desktop.testing.DirectTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.bin.EmbeddedDBusDaemon;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Desktop notifications over a real D-Bus session bus (dbus-java's bus daemon on a unix socket in a
 * temporary folder) with a notification service on it that records what it is asked to show: the
 * notice reaches the service with the app's name and words; with the service gone, or no bus at
 * all, it is shown in the app instead.
 */
class DesktopNotificationSinkTest {

  @TempDir Path dir;

  /** A notification service that records each Notify call. */
  static final class Recorder implements FreedesktopNotifications {
    final List<List<Object>> calls = new ArrayList<>();

    @Override
    public synchronized UInt32 show(
        String appName,
        UInt32 replacesId,
        String appIcon,
        String summary,
        String body,
        List<String> actions,
        Map<String, Variant<?>> hints,
        int expireTimeoutMillis) {
      calls.add(List.of(appName, replacesId.longValue(), summary, body, expireTimeoutMillis));
      return new UInt32(calls.size());
    }

    @Override
    public String getObjectPath() {
      return PATH;
    }
  }

  @Test
  void aNoticeReachesTheDesktopsServiceAndFallsBackToTheAppWithoutIt() throws Exception {
    String address = "unix:path=" + dir.resolve("bus");
    List<String> inApp = new ArrayList<>();
    NotificationSink fallback = (title, text) -> inApp.add(title + " | " + text);
    Recorder service = new Recorder();
    try (EmbeddedDBusDaemon bus = new EmbeddedDBusDaemon(address + ",listen=true")) {
      bus.startInBackgroundAndWait(30_000);
      try (DBusConnection server = DBusConnectionBuilder.forAddress(address).build();
          DesktopNotificationSink sink =
              new DesktopNotificationSink(fallback, new DirectTaskRunner(), address)) {
        server.requestBusName(FreedesktopNotifications.BUS_NAME);
        server.exportObject(FreedesktopNotifications.PATH, service);

        sink.show("12 deposits executed", "to 0xab12…34cd on the child chain");
        assertThat(service.calls)
            .containsExactly(
                List.of(
                    "Bridgescope",
                    0L,
                    "12 deposits executed",
                    "to 0xab12…34cd on the child chain",
                    8000));
        assertThat(inApp).as("shown by the desktop, not twice").isEmpty();

        // the desktop's service goes away: the next notice is shown in the app
        server.releaseBusName(FreedesktopNotifications.BUS_NAME);
        sink.show("Exit 7 processed", "paid out on the root chain");
        assertThat(inApp).containsExactly("Exit 7 processed | paid out on the root chain");
        assertThat(service.calls).hasSize(1);

        // and back: used again from the next notice on
        server.requestBusName(FreedesktopNotifications.BUS_NAME);
        sink.show("Exit 8 processed", "paid out on the root chain");
        assertThat(service.calls).hasSize(2);
      }
    }
  }

  @Test
  void withoutASessionBusEveryNoticeIsShownInTheApp() {
    List<String> inApp = new ArrayList<>();
    DirectTaskRunner tasks = new DirectTaskRunner();
    try (DesktopNotificationSink sink =
        new DesktopNotificationSink((t, x) -> inApp.add(t), tasks, " ")) {
      sink.show("Deposit 3 executed", "");
    }
    assertThat(inApp).containsExactly("Deposit 3 executed");
    assertThat(tasks.started).as("no work asked of a bus that is not there").isEmpty();
  }

  @Test
  void aBusThatDoesNotAnswerIsTheAppsToo() {
    List<String> inApp = new ArrayList<>();
    String nobody = "unix:path=" + dir.resolve("no-bus-here");
    try (DesktopNotificationSink sink =
        new DesktopNotificationSink((t, x) -> inApp.add(t), new DirectTaskRunner(), nobody)) {
      sink.show("Deposit 4 executed", "");
    }
    assertThat(inApp).containsExactly("Deposit 4 executed");
  }
}
