package io.bridgescope.desktop.shell;

import io.bridgescope.core.network.EdgeGenesis;
import io.bridgescope.core.network.GenesisImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The network choice in the top bar and the per-chain explorer settings. Every method may be called
 * on the FX thread (opening and importing only start the work, the session manager runs it on its
 * own thread, and the lists are small files) except {@link #inspect}, {@link #importGenesis} and
 * {@link #openTeamIndex}, which read files, ask a node or connect: run them through a task runner.
 */
public interface NetworkSwitcher {

  /** "devnet" first, then saved profile names. */
  List<String> networks();

  /** The network being opened or open, if any. */
  Optional<String> current();

  void open(String network);

  /** Imports a profile JSON and opens it. */
  void importFile(Path file);

  /** Reads a chosen file: a profile, or a genesis (parsed). Not on the FX thread. */
  ProfileFile inspect(Path file) throws IOException;

  /**
   * Builds and saves a profile from {@code genesis} and what the user added; returns its name. May
   * ask the root node for its chain id: not on the FX thread.
   */
  String importGenesis(EdgeGenesis genesis, GenesisImporter.Request request, boolean replace)
      throws IOException;

  /** Calls {@code changed} (any thread) when the open network changed. */
  AutoCloseable onChange(Runnable changed);

  Optional<String> explorer(boolean root);

  /** The open profile's team index URL ({@code store}), if it names one. */
  default Optional<String> teamStore() {
    return Optional.empty();
  }

  /**
   * Reads the open network from the team index at {@code url}, read-only; returns once it is open,
   * or throws the typed failure (the open network then stays as it was, as it does when {@code
   * cancelled} is true by the time the connection is made). Connects: not on the FX thread.
   */
  default void openTeamIndex(String url, BooleanSupplier cancelled) throws Exception {
    throw new IllegalStateException("no engine: a team index cannot be opened here");
  }

  void setExplorer(boolean root, String url);

  NetworkSwitcher NONE =
      new NetworkSwitcher() {
        @Override
        public List<String> networks() {
          return List.of();
        }

        @Override
        public Optional<String> current() {
          return Optional.empty();
        }

        @Override
        public void open(String network) {}

        @Override
        public void importFile(Path file) {}

        @Override
        public ProfileFile inspect(Path file) {
          throw new IllegalStateException("no engine: profiles cannot be read here");
        }

        @Override
        public String importGenesis(
            EdgeGenesis genesis, GenesisImporter.Request request, boolean replace) {
          throw new IllegalStateException("no engine: profiles cannot be saved here");
        }

        @Override
        public AutoCloseable onChange(Runnable changed) {
          return () -> {};
        }

        @Override
        public Optional<String> explorer(boolean root) {
          return Optional.empty();
        }

        @Override
        public void setExplorer(boolean root, String url) {}
      };
}
