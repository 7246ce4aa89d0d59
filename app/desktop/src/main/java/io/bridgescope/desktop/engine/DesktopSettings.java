package io.bridgescope.desktop.engine;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.ChainRole;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's own settings in {@code <data dir>/desktop.properties}: the last network opened and
 * an external block-explorer URL per chain. Read and written on worker threads only.
 */
public final class DesktopSettings {

  public static final String DEVNET = "devnet";
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

  /** The network to open on start: the saved one, else the embedded devnet. */
  public synchronized String lastNetwork() {
    return values.getProperty(LAST_NETWORK, DEVNET);
  }

  public synchronized void setLastNetwork(String name) {
    values.setProperty(LAST_NETWORK, name);
    save();
  }

  /** An explorer base URL, e.g. {@code https://etherscan.io}; "/tx/<hash>" is appended. */
  public synchronized Optional<String> explorer(ChainRole chain) {
    String v = values.getProperty("explorer." + chain.name().toLowerCase());
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public synchronized void setExplorer(ChainRole chain, String url) {
    values.setProperty("explorer." + chain.name().toLowerCase(), url == null ? "" : url.strip());
    save();
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
