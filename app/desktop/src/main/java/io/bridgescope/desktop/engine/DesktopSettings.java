package io.bridgescope.desktop.engine;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.ChainRole;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's own settings in {@code <data dir>/desktop.properties}: the last network opened, an
 * external block-explorer URL per chain, and the explorer API key for finding submissions. Read and
 * written on worker threads only.
 */
public final class DesktopSettings {

  /** The name the embedded devnet saves its profile under (and a user may give a profile too). */
  public static final String DEVNET = "devnet";

  /**
   * The switcher's key for the devnet this app starts itself. It cannot be a profile name (those
   * are file-system safe words), so a saved profile named "devnet" stays reachable beside it.
   */
  public static final String EMBEDDED = "devnet (embedded)";

  private static final Logger LOG = LoggerFactory.getLogger(DesktopSettings.class);
  private static final String LAST_NETWORK = "network.last";

  private final Path file;
  private final Properties values = new Properties();

  public DesktopSettings(DataDir dataDir) {
    this.file = dataDir.root().resolve("desktop.properties");
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        values.load(r);
      } catch (IOException e) {
        LOG.warn("Could not read {}; using defaults", file, e);
      }
    }
  }

  /**
   * The network to open on start: the saved one, else the embedded devnet. Before {@link #EMBEDDED}
   * existed the embedded devnet was saved as "devnet"; {@code SessionManager} tells the two apart
   * when it opens it.
   */
  public synchronized String lastNetwork() {
    return values.getProperty(LAST_NETWORK, EMBEDDED);
  }

  public synchronized void setLastNetwork(String name) {
    values.setProperty(LAST_NETWORK, name);
    save();
  }

  /** An explorer base URL, e.g. {@code https://etherscan.io}; "/tx/<hash>" is appended. */
  public synchronized Optional<String> explorer(ChainRole chain) {
    String v = values.getProperty("explorer." + chain.name().toLowerCase(Locale.ROOT));
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public synchronized void setExplorer(ChainRole chain, String url) {
    values.setProperty(
        "explorer." + chain.name().toLowerCase(Locale.ROOT), url == null ? "" : url.strip());
    save();
  }

  /**
   * The key for a profile's explorer API ({@code explorer.apiKey}, set by hand in the file; the
   * environment's {@code BRIDGESCOPE_EXPLORER_API_KEY} is used when absent). Never logged or shown.
   */
  public synchronized Optional<String> explorerApiKey() {
    String v = values.getProperty("explorer.apiKey");
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file)) {
        values.store(w, "Bridgescope desktop settings");
      }
    } catch (IOException e) {
      LOG.warn("Could not save {}", file, e);
    }
  }
}
