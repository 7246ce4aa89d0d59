package io.bridgescope.core.store;

import io.bridgescope.core.model.Address;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * "Rows involving an address, newest first" over several address columns. Each column is read
 * through its own (column, id) index, newest first and at most one page deep, before the union is
 * sorted: so the query stays fast even for an address, like a predicate, that is in every row.
 */
final class AddressQuery {

  private AddressQuery() {}

  static String sql(String table, List<String> columns) {
    return sql(table, columns, null);
  }

  /**
   * As {@link #sql(String, List)}, plus the messages of {@code direction} whose decoded payload
   * (asset_payloads, asset_items) names the address as sender or as the receiver of an item: a
   * batch's receivers are in no column of the message table.
   */
  static String sql(String table, List<String> columns, @Nullable String direction) {
    String assets =
        direction == null
            ? ""
            : " UNION SELECT id FROM (SELECT id FROM asset_payloads WHERE sender = ?1 AND direction"
                + " = '"
                + direction
                + "' AND id < ?2 ORDER BY id DESC LIMIT ?3) ap UNION SELECT id FROM (SELECT DISTINCT"
                + " id FROM asset_items WHERE recipient = ?1 AND direction = '"
                + direction
                + "' AND id < ?2 ORDER BY id DESC LIMIT ?3) ai";
    String branches =
        columns.stream()
                .map(
                    col ->
                        "SELECT id FROM (SELECT id FROM "
                            + table
                            + " WHERE "
                            + col
                            + " = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3) b_"
                            + col)
                .collect(Collectors.joining(" UNION "))
            + assets;
    return "SELECT * FROM " + table + " WHERE id IN (" + branches + ") ORDER BY id DESC LIMIT ?3";
  }

  static void bind(PreparedStatement ps, Address a, byte[] before, int limit) throws SQLException {
    ps.setBytes(1, a.bytes());
    ps.setBytes(2, before);
    ps.setInt(3, limit);
  }
}
