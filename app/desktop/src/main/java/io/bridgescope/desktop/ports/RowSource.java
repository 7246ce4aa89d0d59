package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the engine implements to fill one table screen (deposits, exits, commitments, checkpoints,
 * validators). {@link #page}, {@link #count} and {@link #indexOf} run on a worker thread and may
 * query SQLite; {@code changed} may be called from any thread and is coalesced by the desktop.
 * Tables load pages on demand around the visible rows, so {@link #page} must not cost more for a
 * far offset than for the first (keyset paging in the engine adapters).
 */
public interface RowSource<R> {

  /** False until an index exists; the screen then says so instead of showing an empty table. */
  boolean isConnected();

  /** Rows [offset, offset + limit) in the source's order (newest first for the bridge lists). */
  List<R> page(int offset, int limit) throws Exception;

  long count() throws Exception;

  /** Calls {@code changed} when rows were added or changed; close the handle to stop. */
  AutoCloseable subscribe(Runnable changed);

  /** The offset of the row a search key names (its id, start id or submit tx), if listed. */
  default OptionalLong indexOf(String key) throws Exception {
    return OptionalLong.empty();
  }

  /** Only the rows involving {@code address}; empty if this list cannot filter by address. */
  default java.util.Optional<RowSource<R>> forAddress(Address address) {
    return java.util.Optional.empty();
  }

  /**
   * The rows {@code filter} selects, in its order, paged in SQL; empty if this list cannot filter
   * that way. The default handles the address-only filter through {@link #forAddress}.
   */
  default java.util.Optional<RowSource<R>> filtered(
      io.bridgescope.core.stats.MessageFilter filter) {
    if (filter.narrowsNothing()
        && filter.order() == io.bridgescope.core.stats.MessageFilter.Order.NEWEST_ID) {
      return java.util.Optional.of(this);
    }
    return filter.addressOnly() ? forAddress(filter.address().get()) : java.util.Optional.empty();
  }

  /**
   * The tokens this list's token filter offers (the mapped tokens, with symbols); empty if it has
   * no token filter. Runs on a worker thread.
   */
  default List<TokenChoice> tokens() throws Exception {
    return List.of();
  }

  static <R> RowSource<R> notConnected() {
    return new RowSource<>() {
      @Override
      public boolean isConnected() {
        return false;
      }

      @Override
      public List<R> page(int offset, int limit) {
        return List.of();
      }

      @Override
      public long count() {
        return 0;
      }

      @Override
      public AutoCloseable subscribe(Runnable changed) {
        return () -> {};
      }
    };
  }
}
