package io.bridgescope.cli;

import io.bridgescope.core.config.BuildInfo;
import picocli.CommandLine;

/** {@code --version}: version and build info. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return BuildInfo.current().lines();
  }
}
