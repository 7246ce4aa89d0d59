package io.bridgescope.desktop.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The network choice in the top bar and the per-chain explorer settings. Every method may be called
 * on the FX thread: opening and importing only start the work (the session manager runs it on its
 * own thread) and the lists are small files.
 */
public interface NetworkSwitcher {

  /** "devnet" first, then saved profile names. */
  List<String> networks();

  /** The network being opened or open, if any. */
  Optional<String> current();

  void open(String network);

  /** Imports a profile JSON or Edge genesis.json and opens it. */
  void importFile(Path file);

  /** Calls {@code changed} (any thread) when the open network changed. */
  AutoCloseable onChange(Runnable changed);

  Optional<String> explorer(boolean root);

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
