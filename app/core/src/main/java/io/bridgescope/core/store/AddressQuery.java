package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Rows involving an address, newest first" over several address columns. Each column is read
 * through its own (column, id) index, newest first and at most one page deep, before the union is
 * sorted: so the query stays fast even for an address, like a predicate, that is in every row.
 */
final class AddressQuery {

  private AddressQuery() {}

  static String sql(String table, List<String> columns) {
    String branches =
        columns.stream()
            .map(
                col ->
                    "SELECT id FROM (SELECT id FROM "
                        + table
                        + " WHERE "
                        + col
                        + " = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3)")
            .collect(Collectors.joining(" UNION "));
    return "SELECT * FROM " + table + " WHERE id IN (" + branches + ") ORDER BY id DESC LIMIT ?3";
  }

  static void bind(PreparedStatement ps, Address a, byte[] before, int limit) throws SQLException {
    ps.setBytes(1, a.bytes());
    ps.setBytes(2, before);
    ps.setInt(3, limit);
  }
}
