package io.bridgescope.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the anvil binary: the one an installed app bundles ({@code -Dbridgescope.anvil}, set by the
 * installers' launcher), else the npm-installed one in the devnet tool folder ({@code
 * resources/devnet}) found from {@code -Dbridgescope.root}, {@code BRIDGESCOPE_HOME}, or the
 * nearest parent of the working directory that has it.
 */
public final class DevnetHome {

  /** Path of an explicit anvil binary; the installed app points it at its bundled copy. */
  public static final String ANVIL_PROPERTY = "bridgescope.anvil";

  private final Path dir;
  private final @Nullable Path bundledAnvil;

  private DevnetHome(Path dir, @Nullable Path bundledAnvil) {
    this.dir = dir;
    this.bundledAnvil = bundledAnvil;
  }

  public static DevnetHome locate() {
    String anvil = System.getProperty(ANVIL_PROPERTY);
    if (anvil != null && !anvil.isBlank()) {
      return bundled(Path.of(anvil));
    }
    String prop = System.getProperty("bridgescope.root");
    if (prop != null && !prop.isBlank()) {
      return at(Path.of(prop));
    }
    String env = System.getenv("BRIDGESCOPE_HOME");
    if (env != null && !env.isBlank()) {
      return at(Path.of(env));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("resources/devnet/package.json"))) {
        return at(p);
      }
    }
    throw new DevnetException(
        "Cannot find the Bridgescope folder (resources/devnet/package.json) from "
            + Path.of("").toAbsolutePath()
            + ". Run from the project folder, set BRIDGESCOPE_HOME, or pass -D"
            + ANVIL_PROPERTY
            + "=<path to an anvil binary>.");
  }

  public static DevnetHome at(Path root) {
    return new DevnetHome(root.toAbsolutePath().normalize().resolve("resources/devnet"), null);
  }

  /** An anvil binary at a known path (an installed app's bundled copy); no tool folder needed. */
  public static DevnetHome bundled(Path anvil) {
    Path bin = anvil.toAbsolutePath().normalize();
    return new DevnetHome(Objects.requireNonNull(bin.getParent(), "the folder of " + bin), bin);
  }

  /** The devnet tool folder, or for a bundled anvil the folder that holds the binary. */
  public Path dir() {
    return dir;
  }

  /** The bundled anvil, else the native one shipped inside the npm package for this OS and CPU. */
  public Path anvilBinary() {
    if (bundledAnvil != null) {
      if (!Files.isExecutable(bundledAnvil)) {
        throw new DevnetException(
            "The bundled anvil is missing or not executable at "
                + bundledAnvil
                + " (from -D"
                + ANVIL_PROPERTY
                + "). Reinstall Bridgescope, or point -D"
                + ANVIL_PROPERTY
                + " at an anvil binary.");
      }
      return bundledAnvil;
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux";
    String archPart = arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64";
    String exe = osPart.equals("win32") ? "anvil.exe" : "anvil";
    Path bin =
        dir.resolve("node_modules/@foundry-rs/anvil-" + osPart + "-" + archPart + "/bin/" + exe);
    if (!Files.isExecutable(bin)) {
      throw new DevnetException(
          "anvil is not installed at "
              + bin
              + ". Run `bash resources/devnet/ensure-tools.sh` (npm ci) or `./bridgescope demo`,"
              + " which installs it.");
    }
    return bin;
  }
}
