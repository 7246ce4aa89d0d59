package io.bridgescope.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows a DAO's {@link Inserts.Binder} binds, collected column by column, to be sent to
 * PostgreSQL as one array per column ({@code unnest(?::bytea[], ?::text[], ...)}): one statement
 * with as many parameters as the table has columns, however many rows (issue 20). The binder runs
 * against a stand-in statement that only records {@code setBytes}, {@code setString}, {@code
 * setLong}, {@code setInt} and {@code setNull}, the calls the DAOs make.
 */
final class ColumnArrays {

  /** A column's array type, from the first value (or typed NULL) bound to it. */
  private enum Kind {
    BYTEA("bytea"),
    TEXT("text"),
    INT8("int8");

    final String sqlName;

    Kind(String sqlName) {
      this.sqlName = sqlName;
    }
  }

  private final int columns;
  private final int rows;
  private final @Nullable Object[][] values;
  private final @Nullable Kind[] kinds;
  private int row;

  private ColumnArrays(int columns, int rows) {
    this.columns = columns;
    this.rows = rows;
    this.values = new Object[columns][rows];
    this.kinds = new Kind[columns];
  }

  /** Collects {@code chunk} through {@code binder}, on the real connection {@code c}. */
  static <T> ColumnArrays collect(
      Connection c, int columns, List<T> chunk, Inserts.Binder<T> binder) throws SQLException {
    ColumnArrays a = new ColumnArrays(columns, chunk.size());
    PreparedStatement recorder = a.recorder(c);
    for (T r : chunk) {
      binder.bind(recorder, 0, r);
      a.row++;
    }
    return a;
  }

  /** {@code unnest(?::bytea[], ...)}: the select list of the rows, one parameter per column. */
  String unnest() throws SQLException {
    StringBuilder sb = new StringBuilder("SELECT * FROM unnest(");
    for (int col = 0; col < columns; col++) {
      sb.append(col == 0 ? "" : ", ").append("?::").append(kind(col).sqlName).append("[]");
    }
    return sb.append(')').toString();
  }

  /** Binds each column's array as parameter {@code column + 1}. */
  void bind(Connection c, PreparedStatement ps) throws SQLException {
    for (int col = 0; col < columns; col++) {
      Kind k = kind(col);
      Object[] typed =
          switch (k) {
            case BYTEA -> new byte[rows][];
            case TEXT -> new String[rows];
            case INT8 -> new Long[rows];
          };
      System.arraycopy(values[col], 0, typed, 0, rows);
      Array array = c.createArrayOf(k.sqlName, typed);
      ps.setArray(col + 1, array);
    }
  }

  private Kind kind(int col) throws SQLException {
    Kind k = kinds[col];
    if (k == null) {
      throw new SQLException("column " + (col + 1) + " of an insert was never bound");
    }
    return k;
  }

  private void put(int parameter, Kind kind, @Nullable Object value) throws SQLException {
    int col = parameter - 1;
    if (col < 0 || col >= columns) {
      throw new SQLException("parameter " + parameter + " of a " + columns + "-column insert");
    }
    Kind had = kinds[col];
    if (had != null && had != kind) {
      throw new SQLException(
          "column " + parameter + " of an insert bound as " + had + " and as " + kind);
    }
    kinds[col] = kind;
    values[col][row] = value;
  }

  private static Kind ofSqlType(int type) throws SQLException {
    return switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTEA;
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> Kind.TEXT;
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT -> Kind.INT8;
      default -> throw new SQLException("no column array for JDBC type " + type);
    };
  }

  private PreparedStatement recorder(Connection c) {
    InvocationHandler h =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "setBytes" -> put((Integer) args[0], Kind.BYTEA, args[1]);
            case "setString" -> put((Integer) args[0], Kind.TEXT, args[1]);
            case "setLong" -> put((Integer) args[0], Kind.INT8, args[1]);
            case "setInt" -> put((Integer) args[0], Kind.INT8, ((Integer) args[1]).longValue());
            case "setNull" -> put((Integer) args[0], ofSqlType((Integer) args[1]), null);
            case "getConnection" -> {
              return c;
            }
            default ->
                throw new UnsupportedOperationException(
                    "a column-array insert cannot record " + method.getName());
          }
          return null;
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            ColumnArrays.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }
}
