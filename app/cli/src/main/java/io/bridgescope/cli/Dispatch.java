package io.bridgescope.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The one entry point of {@code ./bridgescope} and of the installed launcher: {@code gui}, and
 * {@code demo} without {@code --headless}, open the desktop app (which reads those arguments
 * itself); without a display on Linux they run {@code demo --headless} instead; everything else is
 * a CLI verb. The desktop is reached by name, so the CLI module does not depend on it and works
 * where only the CLI is installed.
 */
public final class Dispatch {

  static final String GUI = "io.bridgescope.desktop.Launcher";
  private static final java.util.Set<String> HELP =
      java.util.Set.of("-h", "--help", "-V", "--version");

  private Dispatch() {}

  public static void main(String[] args) throws Throwable {
    String first = args.length > 0 ? args[0] : "";
    List<String> words = Arrays.asList(args);
    // `demo --help` prints the CLI's usage (with every devnet flag) instead of opening a window
    boolean help = first.equals("demo") && words.stream().anyMatch(HELP::contains);
    boolean gui =
        !help && (first.equals("gui") || (first.equals("demo") && !words.contains("--headless")));
    if (gui && first.equals("demo") && !demoArgumentsValid(args)) {
      System.exit(2);
      return;
    }
    if (first.equals("open") || OpenArgs.guiWithLink(words)) {
      open(words.subList(1, words.size()));
      return;
    }
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

  /**
   * Checks the demo's flags as the CLI would, before the desktop app opens: a typo must not open a
   * window with a devnet that silently ignores it. The app then reads the same flags itself.
   */
  private static boolean demoArgumentsValid(String[] args) {
    CommandLine cl = new CommandLine(new DemoCommand());
    try {
      cl.parseArgs(Arrays.copyOfRange(args, 1, args.length));
      ((DemoCommand) cl.getCommand()).config();
      return true;
    } catch (CommandLine.ParameterException e) {
      System.err.println("bridgescope demo: " + e.getMessage());
      cl.usage(System.err);
      return false;
    } catch (IllegalArgumentException e) {
      System.err.println("bridgescope demo: " + e.getMessage());
      return false;
    }
  }

  /**
   * {@code open}: the desktop app opens at the item a link names. The link is checked here; the app
   * gets it as {@code open URI}. Without a display it says which CLI verb shows the item.
   */
  private static void open(List<String> rest) throws Throwable {
    if (rest.stream().anyMatch(HELP::contains)) {
      System.out.println(OpenArgs.USAGE);
      return;
    }
    io.bridgescope.core.link.MessageLink link;
    try {
      link = OpenArgs.read(rest);
    } catch (io.bridgescope.core.link.MessageLink.BadLinkException e) {
      System.err.println("bridgescope open: " + e.getMessage() + "\n" + OpenArgs.USAGE);
      System.exit(2);
      return;
    }
    if (!hasDisplay()) {
      System.err.println(
          "bridgescope open: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop"
              + " app cannot open "
              + link.searchText()
              + "; on this machine use `bridgescope "
              + OpenArgs.cliCommand(link)
              + "`.");
      System.exit(2);
      return;
    }
    runDesktop(new String[] {"open", link.toUri()});
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
