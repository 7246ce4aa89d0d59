package io.bridgescope.desktop.ports;

import java.util.List;

/**
 * What the engine implements to fill one table screen (deposits, exits, commitments, checkpoints,
 * validators). {@link #page} and {@link #count} run on a worker thread and may query SQLite; {@code
 * changed} may be called from any thread and is coalesced by the desktop.
 */
public interface RowSource<R> {

  /** False until an index exists; the screen then says so instead of showing an empty table. */
  boolean isConnected();

  /** Rows [offset, offset + limit) in the source's order (newest first for the bridge lists). */
  List<R> page(int offset, int limit) throws Exception;

  long count() throws Exception;

  /** Calls {@code changed} when rows were added or changed; close the handle to stop. */
  AutoCloseable subscribe(Runnable changed);

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
