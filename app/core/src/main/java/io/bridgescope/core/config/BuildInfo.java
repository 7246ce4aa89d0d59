package io.bridgescope.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Version and build of this Bridgescope, from the filtered {@code build.properties}; shown by
 * {@code --version} and the desktop's About dialog.
 */
public record BuildInfo(String version, String commit, String built) {

  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/io/bridgescope/core/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unknown below
    }
    return new BuildInfo(
        known(p.getProperty("version")),
        known(p.getProperty("commit")),
        known(p.getProperty("built")));
  }

  /** An unfiltered placeholder ("${...}") means a plain build that did not record it. */
  private static String known(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }

  /** "Bridgescope 0.1.0", "build abc1234, 2026-…", "Java 17 (vendor)". */
  public String[] lines() {
    return new String[] {
      "Bridgescope " + version,
      "build " + commit + ", " + built,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
