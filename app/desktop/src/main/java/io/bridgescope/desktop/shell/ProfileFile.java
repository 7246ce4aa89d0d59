package io.bridgescope.desktop.shell;

import io.bridgescope.core.network.EdgeGenesis;
import java.nio.file.Path;

/** A file chosen with "Open profile…": a Bridgescope profile, or an Edge genesis to complete. */
public sealed interface ProfileFile {

  Path file();

  /** A profile JSON: imported and opened as it is. */
  record Profile(Path file) implements ProfileFile {}

  /** An Edge genesis.json: the import dialog asks for what it lacks. */
  record Genesis(Path file, EdgeGenesis genesis) implements ProfileFile {}
}
