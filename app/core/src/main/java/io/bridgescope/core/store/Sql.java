package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Bytes;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Column codecs and small JDBC helpers shared by the DAOs (conventions: V001__initial.sql). */
final class Sql {

  /**
   * Sorts above every 32-byte value (same prefix, longer), so "id < ABOVE_ALL_U256" is "any id":
   * the first page of a keyset query needs no special SQL.
   */
  private static final byte[] ABOVE_ALL_U256 = filled(33);

  /** A copy of {@link #ABOVE_ALL_U256} (the constant itself is never handed out). */
  static byte[] aboveAllU256() {
    return ABOVE_ALL_U256.clone();
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    @Nullable T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  /** A uint256 as 32 big-endian bytes, so byte order equals numeric order. */
  static byte[] u256(BigInteger v) {
    return Uint256Column.encode(v);
  }

  static BigInteger u256(byte[] b) {
    return new BigInteger(1, b);
  }

  /** A NOT NULL uint256 column. */
  static BigInteger u256(ResultSet rs, String col) throws SQLException {
    return new BigInteger(1, required(rs, col));
  }

  /** A uint256 column that may be NULL (an optional id, or max() of no rows). */
  static @Nullable BigInteger u256OrNull(ResultSet rs, String col) throws SQLException {
    return Uint256Column.decode(rs.getBytes(col));
  }

  static Address address(ResultSet rs, String col) throws SQLException {
    return new Address(required(rs, col));
  }

  static Hash32 hash(ResultSet rs, String col) throws SQLException {
    return new Hash32(required(rs, col));
  }

  /** A blob column that may be NULL. */
  static @Nullable Bytes bytes(ResultSet rs, String col) throws SQLException {
    byte[] b = rs.getBytes(col);
    return b == null ? null : Bytes.of(b);
  }

  /**
   * A NOT NULL column's bytes; a NULL there means the database was changed behind our back, which
   * the DAO's caller reports as a corrupt store.
   */
  private static byte[] required(ResultSet rs, String col) throws SQLException {
    byte[] b = rs.getBytes(col);
    if (b == null) {
      throw new SQLException("column " + col + " is NULL, but it is NOT NULL in the schema");
    }
    return b;
  }

  /** A NOT NULL blob column: the driver may hand a zero-length blob back as null. */
  static Bytes data(ResultSet rs, String col) throws SQLException {
    byte[] b = rs.getBytes(col);
    return b == null ? Bytes.EMPTY : Bytes.of(b);
  }

  /** Sets a nullable BLOB. */
  static void blob(PreparedStatement ps, int i, byte @Nullable [] b) throws SQLException {
    if (b == null) {
      ps.setNull(i, Dialect.of(ps.getConnection()).blobType());
    } else {
      ps.setBytes(i, b);
    }
  }

  static <T> List<T> list(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement ps = Dialect.of(c).prepare(c, sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  static <T> Optional<T> one(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    List<T> l = list(c, sql, binder, mapper);
    return l.isEmpty() ? Optional.empty() : Optional.ofNullable(l.get(0));
  }

  static long count(Connection c, String sql, Binder binder) throws SQLException {
    return one(c, sql, binder, rs -> rs.getLong(1)).orElse(0L);
  }

  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = Dialect.of(c).prepare(c, sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Keyset bound for "rows below this id", newest first. */
  static byte[] before(Optional<BigInteger> id) {
    return id.map(Sql::u256).orElseGet(Sql::aboveAllU256);
  }

  static void checkLimit(int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("page size " + limit + " is not between 1 and 10000");
    }
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 0xff);
    return b;
  }
}
