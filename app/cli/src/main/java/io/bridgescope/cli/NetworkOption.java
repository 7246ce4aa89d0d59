package io.bridgescope.cli;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --network}, {@code --data-dir} and {@code --json}, shared by the verbs that read the
 * index.
 */
public final class NetworkOption {

  @Option(
      names = {"-n", "--network"},
      defaultValue = "devnet",
      description = "Network name (a saved profile) or profile JSON file. Default: devnet.")
  String network;

  @Option(
      names = "--json",
      description = "Print one JSON document (shapes and errors documented in README.md).")
  boolean json;

  @Option(
      names = "--data-dir",
      description = "Data directory (default: $BRIDGESCOPE_DATA or ~/.local/share/bridgescope).")
  Path dataDirOption;

  public DataDir dataDir() {
    return dataDirOption == null ? DataDir.standard() : new DataDir(dataDirOption);
  }

  /**
   * The profile named by {@code --network}; a missing one is an error that names {@code bridgescope
   * networks import} (and {@code ./bridgescope demo} for the devnet).
   */
  public NetworkProfile profile() {
    return load(dataDir(), network);
  }

  /**
   * A network by name or file; one that is not there is a {@code network_not_found} error (a
   * profile that is there but wrong is a {@code network_config} error).
   */
  public static NetworkProfile load(DataDir dataDir, String network) {
    try {
      return dataDir.profile(network);
    } catch (IllegalArgumentException e) {
      if (e.getClass() != IllegalArgumentException.class) {
        throw e;
      }
      throw new CliException("network_not_found", e.getMessage(), null, null, Errors.EXIT_ERROR, e);
    }
  }

  public Database openDatabase(NetworkProfile p) throws IOException {
    var file = dataDir().database(p.name());
    Files.createDirectories(file.getParent());
    return Database.open(file);
  }

  public boolean json() {
    return json;
  }
}
