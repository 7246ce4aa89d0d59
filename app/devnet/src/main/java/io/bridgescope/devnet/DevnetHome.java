package io.bridgescope.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds the devnet tool folder ({@code resources/devnet}) holding the npm-installed anvil: from
 * {@code -Dbridgescope.root}, {@code BRIDGESCOPE_HOME}, or the nearest parent of the working
 * directory that has it.
 */
public final class DevnetHome {

  private final Path dir;

  private DevnetHome(Path dir) {
    this.dir = dir;
  }

  public static DevnetHome locate() {
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
            + ". Run from the project folder or set BRIDGESCOPE_HOME.");
  }

  public static DevnetHome at(Path root) {
    return new DevnetHome(root.toAbsolutePath().normalize().resolve("resources/devnet"));
  }

  public Path dir() {
    return dir;
  }

  /** The native anvil binary shipped inside the npm package for this OS and CPU. */
  public Path anvilBinary() {
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
