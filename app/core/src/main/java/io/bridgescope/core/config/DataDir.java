package io.bridgescope.core.config;

import io.bridgescope.core.network.EdgeGenesisImport;
import io.bridgescope.core.network.NetworkConfigException;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Bridgescope keeps its files: {@code $BRIDGESCOPE_DATA}, else the XDG data directory ({@code
 * ~/.local/share/bridgescope}). Per network: {@code networks/<name>.json} and {@code
 * <name>/index.db}.
 */
public final class DataDir {

  private final Path root;

  public DataDir(Path root) {
    this.root = root;
  }

  public static DataDir standard() {
    String env = System.getenv("BRIDGESCOPE_DATA");
    if (env != null && !env.isBlank()) {
      return new DataDir(Path.of(env));
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return new DataDir(base.resolve("bridgescope"));
  }

  public Path root() {
    return root;
  }

  public Path profileFile(String network) {
    return root.resolve("networks").resolve(safe(network) + ".json");
  }

  public Path database(String network) {
    return root.resolve(safe(network)).resolve("index.db");
  }

  /**
   * A network by name (a profile saved in the data directory, e.g. {@code devnet} while {@code
   * ./bridgescope demo} runs) or by path to a profile JSON file.
   */
  public NetworkProfile profile(String nameOrFile) {
    if (nameOrFile.endsWith(".json") || nameOrFile.contains("/")) {
      Path asFile = Path.of(nameOrFile);
      if (!Files.isRegularFile(asFile)) {
        throw new IllegalArgumentException(
            "network profile file " + asFile.toAbsolutePath() + " does not exist");
      }
      refuseGenesis(asFile);
      return NetworkProfileJson.read(asFile);
    }
    Path saved = profileFile(nameOrFile);
    if (!Files.isRegularFile(saved)) {
      String hint =
          nameOrFile.equals("devnet")
              ? "start it with `./bridgescope demo` (it saves the devnet profile while it runs)"
              : "create it from the chain's genesis.json with `bridgescope networks import"
                  + " genesis.json --root-rpc URL --child-rpc URL --name "
                  + nameOrFile
                  + "`, or pass a profile JSON file (see resources/networks/example.json);"
                  + " `bridgescope networks list` shows the saved ones";
      throw new IllegalArgumentException(
          "network '" + nameOrFile + "': no profile at " + saved + "; " + hint);
    }
    return NetworkProfileJson.read(saved);
  }

  /** The names of the saved profiles (file names without {@code .json}), sorted. */
  public List<String> profileNames() throws IOException {
    Path dir = root.resolve("networks");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    }
  }

  /** A genesis.json given where a profile is expected: say how to turn it into one. */
  private static void refuseGenesis(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      return; // reading the profile reports it
    }
    if (EdgeGenesisImport.looksLikeGenesis(json)) {
      throw NetworkConfigException.single(
          "network file " + file,
          "file",
          "this is an Edge genesis.json, not a Bridgescope network profile — import it once with"
              + " `bridgescope networks import "
              + file
              + " --root-rpc URL --child-rpc URL`, then use --network with the name it prints");
    }
  }

  /** Where {@link #saveNewProfile} put a profile, and what was there before. */
  public record Saved(Path file, boolean replaced, Optional<Path> existingIndex) {}

  /**
   * Saves an imported profile. Refuses to replace a saved profile of the same name unless {@code
   * replace}: two supernets must never share one profile (and so one index).
   */
  public Saved saveNewProfile(NetworkProfile p, boolean replace) throws IOException {
    Path file = profileFile(p.name());
    boolean exists = Files.exists(file);
    if (exists && !replace) {
      throw NetworkConfigException.single(
          "import of '" + p.name() + "'",
          "name",
          "a profile named '"
              + p.name()
              + "' already exists ("
              + file
              + ") — pass --name with another name, or --force to replace it");
    }
    Path db = database(p.name());
    Optional<Path> index = exists && Files.exists(db) ? Optional.of(db) : Optional.empty();
    saveProfile(p);
    return new Saved(file, exists, index);
  }

  public void saveProfile(NetworkProfile p) throws IOException {
    Path f = profileFile(p.name());
    Files.createDirectories(f.getParent());
    NetworkProfileJson.write(p, f);
  }

  private static String safe(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    if (s.isEmpty() || s.startsWith(".")) {
      throw new IllegalArgumentException(
          "network name '" + name + "' is not usable as a file name");
    }
    return s;
  }
}
