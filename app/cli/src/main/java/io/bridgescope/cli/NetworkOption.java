package io.bridgescope.cli;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.identity.TeamIndexIdentity;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
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

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "A team index on PostgreSQL instead of the local SQLite file:"
              + " postgresql://[USER@]HOST[:PORT]/DB[?sslmode=...&sslrootcert=...]. The password"
              + " comes only from PGPASSWORD or ~/.pgpass. Read verbs open it read-only."
              + " Default: the profile's \"store\", else the local SQLite file.")
  @Nullable String db;

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

  /**
   * The network's index for reading: the team index of {@code --db}, else of the profile's {@code
   * store}, opened read-only whatever the credentials allow, and refused when its pinned chains are
   * not this network's ({@link TeamIndexIdentity}); else the local SQLite file.
   */
  public Database openDatabase(NetworkProfile p) throws IOException {
    Database team = openTeamReader(dataDir(), p, db);
    return team != null ? team : openLocal(dataDir(), p);
  }

  /**
   * The team index of {@code url}, else of the profile's {@code store}, opened read-only and
   * refused when its pinned chains are not this network's; null when there is none (SQLite).
   */
  public static @Nullable Database openTeamReader(
      DataDir dataDir, NetworkProfile p, @Nullable String url) throws IOException {
    PgTarget t = target(p, url);
    if (t == null) {
      return null;
    }
    Database team = Database.openPostgres(t, System.getenv(), false, false);
    TeamIndexIdentity.requireSameNetwork(p, team, localPins(dataDir, p));
    return team;
  }

  /**
   * The network's index for its writer (index, verify): the team index of {@code --db}, else of the
   * profile's {@code store}, whose one-writer lock the {@link
   * io.bridgescope.core.store.StoreWriter} takes ({@code wait}: wait for the current holder instead
   * of failing); else the local SQLite file.
   */
  public Database openDatabaseForWriting(NetworkProfile p, boolean wait) throws IOException {
    PgTarget t = target(p, db);
    if (t != null) {
      return Database.openPostgres(t, System.getenv(), true, wait);
    }
    return openLocal(dataDir(), p);
  }

  /** The team index: {@code --db} if given, else the profile's {@code store}; null: SQLite. */
  private static @Nullable PgTarget target(NetworkProfile p, @Nullable String url) {
    if (url != null) {
      try {
        return PgTarget.parse(url, System.getenv());
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--db: " + e.getMessage());
      }
    }
    String store = p.store();
    if (store == null) {
      return null;
    }
    // the profile checked the URL's form when it was loaded; this only resolves PGUSER
    return PgTarget.parse(store, System.getenv());
  }

  /**
   * The local index of the network, if there is one to compare a team index's genesis pins with;
   * one that cannot be opened (damaged, from a newer version) is left out rather than blocking the
   * team index.
   */
  private static @Nullable Database localPins(DataDir dataDir, NetworkProfile p)
      throws IOException {
    Path local = dataDir.database(p.name());
    if (!Files.isRegularFile(local) || Files.size(local) == 0) {
      return null;
    }
    try {
      return Database.open(local);
    } catch (StoreException e) {
      return null;
    }
  }

  private static Database openLocal(DataDir dataDir, NetworkProfile p) throws IOException {
    var file = dataDir.database(p.name());
    Files.createDirectories(file.getParent());
    return Database.open(file);
  }

  public boolean json() {
    return json;
  }
}
