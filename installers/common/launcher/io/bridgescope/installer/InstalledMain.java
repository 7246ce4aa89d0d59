package io.bridgescope.installer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Main class of the installed launcher. It dispatches as the repository's {@code ./bridgescope}
 * script does (keep the two in step), so one command serves both faces: {@code gui}, and {@code
 * demo} without {@code --headless}, open the desktop app (which reads those arguments itself);
 * without a display on Linux they run {@code demo --headless} instead; everything else is a CLI
 * verb. Reflection keeps this jar free of compile-time dependencies; build.sh compiles it alone.
 */
public final class InstalledMain {

  static final String CLI = "io.bridgescope.cli.Main";
  static final String GUI = "io.bridgescope.desktop.Launcher";

  private InstalledMain() {}

  public static void main(String[] args) throws Throwable {
    String first = args.length > 0 ? args[0] : "";
    boolean gui =
        first.equals("gui") || (first.equals("demo") && !Arrays.asList(args).contains("--headless"));
    if (gui && !hasDisplay()) {
      System.err.println(
          "bridgescope: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app"
              + " cannot open;\nbridgescope: running `demo --headless` instead.");
      List<String> cli = new ArrayList<>(Arrays.asList(args));
      cli.set(0, "demo");
      cli.add("--headless");
      run(CLI, cli.toArray(String[]::new));
    } else {
      run(gui ? GUI : CLI, args);
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

  private static void run(String mainClass, String[] args) throws Throwable {
    Method main = Class.forName(mainClass).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
