package io.bridgescope.desktop.search;

import java.util.List;

/**
 * The engine side of the global search: finds what a parsed key names in the index. Called on a
 * worker thread (it may query SQLite), never on the FX thread.
 */
public interface SearchResolver {

  /** A thing found for a key: its kind and the key to open it with on its screen. */
  record SearchHit(SearchKind kind, String key, String description) {}

  /** False until an index exists to search; the UI then says so instead of finding nothing. */
  boolean isConnected();

  List<SearchHit> resolve(SearchQuery query) throws Exception;

  SearchResolver NOT_CONNECTED =
      new SearchResolver() {
        @Override
        public boolean isConnected() {
          return false;
        }

        @Override
        public List<SearchHit> resolve(SearchQuery query) {
          return List.of();
        }
      };
}
