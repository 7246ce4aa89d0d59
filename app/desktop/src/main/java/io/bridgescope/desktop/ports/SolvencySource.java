package io.bridgescope.desktop.ports;

import io.bridgescope.core.asset.TokenMetadata;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.solvency.SolvencyHistory;
import io.bridgescope.core.solvency.SolvencyReport;
import java.util.List;
import java.util.Optional;

/**
 * Solvency of the open network; {@link #check} runs on a worker thread (SQL and RPC) and keeps its
 * verdict in the history.
 */
public interface SolvencySource {

  boolean isConnected();

  /** The report at the index's current state; empty while a chain is not indexed at all. */
  Optional<SolvencyReport> check() throws Exception;

  /**
   * What the root token said about itself (symbol, decimals) as the index cached it, else what its
   * mapping message carried; empty when neither is known (amounts are then raw units).
   */
  Optional<TokenMetadata> metadata(Address rootToken) throws Exception;

  /**
   * The latest {@code limit} verdicts kept beyond the session (each a change of one token's escrow
   * or owed amount), oldest first; {@link #check} keeps each new one. Runs on a worker thread.
   */
  List<SolvencyHistory.Entry> history(int limit) throws Exception;

  /** Calls {@code changed} (any thread) when the index may have moved. */
  AutoCloseable subscribe(Runnable changed);

  SolvencySource NOT_CONNECTED =
      new SolvencySource() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public Optional<SolvencyReport> check() {
          throw new IllegalStateException("no network is open");
        }

        @Override
        public Optional<TokenMetadata> metadata(Address rootToken) {
          return Optional.empty();
        }

        @Override
        public List<SolvencyHistory.Entry> history(int limit) {
          return List.of();
        }

        @Override
        public AutoCloseable subscribe(Runnable changed) {
          return () -> {};
        }
      };
}
