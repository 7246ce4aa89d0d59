package io.bridgescope.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one entry point of {@code ./bridgescope} and of the installed launcher: {@code gui}, and
 * {@code demo} without {@code --headless}, open the desktop app (which reads those arguments
 * itself); without a display on Linux they run {@code demo --headless} instead; everything else is
 * a CLI verb. The desktop is reached by name, so the CLI module does not depend on it and works
 * where only the CLI is installed.
 */
public final class Dispatch {

  static final String GUI = "io.bridgescope.desktop.Launcher";

  private Dispatch() {}

  public static void main(String[] args) throws Throwable {
    String first = args.length > 0 ? args[0] : "";
    boolean gui =
        first.equals("gui")
            || (first.equals("demo") && !Arrays.asList(args).contains("--headless"));
    if (gui && !hasDisplay()) {
      System.err.println(
          "bridgescope: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app"
              + " cannot open;\nbridgescope: running `demo --headless` instead.");
      List<String> cli = new ArrayList<>(Arrays.asList(args));
      cli.set(0, "demo");
      cli.add("--headless");
      Main.main(cli.toArray(String[]::new));
    } else if (gui) {
      runDesktop(args);
    } else {
      Main.main(args);
    }
  }

  private static boolean hasDisplay() {
    if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
      return true;
    }
    return !isBlank(System.getenv("DISPLAY")) || !isBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void runDesktop(String[] args) throws Throwable {
    Method main;
    try {
      main = Class.forName(GUI).getMethod("main", String[].class);
    } catch (ClassNotFoundException e) {
      System.err.println(
          "bridgescope: the desktop app is not on the classpath; use `demo --headless` or the CLI"
              + " verbs (`bridgescope --help`).");
      System.exit(2);
      return;
    }
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
