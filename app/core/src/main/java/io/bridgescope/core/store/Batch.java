package io.bridgescope.core.store;

import io.bridgescope.core.store.rows.Cursor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes committed together: all of {@code ops}, then the new {@code cursor} if any. Because the
 * cursor commits with the rows it covers, an indexer killed at any moment resumes exactly after the
 * last whole batch.
 */
public record Batch(List<WriteOp> ops, Optional<Cursor> cursor) {

  public Batch {
    ops = List.copyOf(ops);
    Objects.requireNonNull(cursor, "cursor");
  }

  /** Indexer writes that advance {@code cursor}. */
  public static Batch advancing(Cursor cursor, List<WriteOp> ops) {
    return new Batch(ops, Optional.of(cursor));
  }

  /** Writes that move no cursor (verdicts, wallet, settings). */
  public static Batch of(WriteOp... ops) {
    return new Batch(List.of(ops), Optional.empty());
  }
}
