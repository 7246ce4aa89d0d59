package io.bridgescope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version and build info from the filtered {@code bridgescope-version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/bridgescope-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return new String[] {
      "Bridgescope " + p.getProperty("version", "unknown"),
      "build " + known(p.getProperty("commit")) + ", " + known(p.getProperty("built")),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** An unfiltered placeholder ("${...}") means a plain build that did not record it. */
  private static String known(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }
}
