package io.bridgescope.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows into one table with as few statements as the engine wants (issue 20).
 *
 * <p>SQLite runs in-process: one prepared statement, one execution per row ({@code executeBatch}),
 * as before. PostgreSQL is a round trip and a statement execution away: up to {@value #MAX_ROWS}
 * rows go in one {@code INSERT ... SELECT * FROM unnest(?::bytea[], ...)} statement, one array
 * parameter per column ({@link ColumnArrays}), so the statement text, and its server-side plan, are
 * the same whatever the number of rows. Its update count is the number of rows actually inserted
 * ({@code ON CONFLICT DO NOTHING} skips are not counted), so callers still learn how many rows were
 * new; the driver's {@code reWriteBatchedInserts} (multi-row VALUES) reports no counts.
 */
final class Inserts {

  /** Rows per PostgreSQL statement (bounds the arrays held in memory at once). */
  static final int MAX_ROWS = 2_000;

  /** Binds one row's values, its first column at parameter {@code base + 1}. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement ps, int base, T row) throws SQLException;
  }

  /** Reads the key of a row the statement's {@code RETURNING} clause handed back. */
  @FunctionalInterface
  interface KeyReader<K> {
    K read(ResultSet rs) throws SQLException;
  }

  private final String into;
  private final int columns;
  private final String tail;

  /**
   * {@code into} is {@code INSERT INTO table (c1, ..., cn)} with {@code columns} = n, {@code tail}
   * what follows the values (an {@code ON CONFLICT} clause, or empty).
   */
  Inserts(String into, int columns, String tail) {
    this.into = into;
    this.columns = columns;
    this.tail = tail;
  }

  /** Inserts {@code rows}; returns how many were inserted (conflicting ones skipped). */
  <T> int run(Connection c, List<T> rows, Binder<T> binder) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    Dialect d = Dialect.of(c);
    if (d == Dialect.SQLITE) {
      try (PreparedStatement ps = c.prepareStatement(d.insertValues(into, columns, 1, tail))) {
        for (T r : rows) {
          binder.bind(ps, 0, r);
          ps.addBatch();
        }
        return ResultTable.sum(ps.executeBatch());
      }
    }
    int added = 0;
    for (List<T> chunk : chunks(rows)) {
      ColumnArrays arrays = ColumnArrays.collect(c, columns, chunk, binder);
      try (PreparedStatement ps = c.prepareStatement(arraySql(arrays))) {
        arrays.bind(c, ps);
        added += ps.executeUpdate();
      }
    }
    return added;
  }

  /**
   * Inserts {@code rows} and returns the keys of those actually inserted, in no particular order:
   * {@code returning} names the key columns, {@code reader} reads them. On SQLite each row runs on
   * its own and its update count decides; PostgreSQL says it with {@code RETURNING}.
   */
  <T, K> List<K> runReturning(
      Connection c,
      List<T> rows,
      Binder<T> binder,
      String returning,
      KeyReader<K> reader,
      java.util.function.Function<T, K> keyOf)
      throws SQLException {
    List<K> added = new ArrayList<>();
    if (rows.isEmpty()) {
      return added;
    }
    Dialect d = Dialect.of(c);
    if (d == Dialect.SQLITE) {
      try (PreparedStatement ps = c.prepareStatement(d.insertValues(into, columns, 1, tail))) {
        for (T r : rows) {
          ps.clearParameters();
          binder.bind(ps, 0, r);
          if (ps.executeUpdate() > 0) {
            added.add(keyOf.apply(r));
          }
        }
      }
      return added;
    }
    for (List<T> chunk : chunks(rows)) {
      ColumnArrays arrays = ColumnArrays.collect(c, columns, chunk, binder);
      try (PreparedStatement ps =
          c.prepareStatement(arraySql(arrays) + " RETURNING " + returning)) {
        arrays.bind(c, ps);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            added.add(reader.read(rs));
          }
        }
      }
    }
    return added;
  }

  /** {@code into SELECT * FROM unnest(...) tail}. */
  private String arraySql(ColumnArrays arrays) throws SQLException {
    return into + " " + arrays.unnest() + (tail.isEmpty() ? "" : " " + tail);
  }

  private <T> List<List<T>> chunks(List<T> rows) {
    int per = MAX_ROWS;
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += per) {
      out.add(rows.subList(from, Math.min(rows.size(), from + per)));
    }
    return out;
  }
}
