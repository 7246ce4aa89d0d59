package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stores end with equal schemas: the same tables, the same columns in the same order with the
 * mapped types (Dialect.columnType) and nullability, the same primary keys and the same named
 * indexes. Fails when a SQLite migration gets no PostgreSQL twin, or a twin that differs.
 */
class SchemaParityTest {

  @TempDir Path dir;

  @Test
  void everyMigrationHasAPostgresTwin() {
    for (Migrations.Migration m : Migrations.ALL) {
      assertThatCode(() -> Migrations.load(Dialect.POSTGRESQL, m))
          .as("PostgreSQL twin of %s", m.resource())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void bothStoresEndWithEqualSchemas() throws Exception {
    Database lite = Database.open(dir.resolve("s.db"));
    Database pg = PgStores.freshWriter();
    Map<String, List<String>> liteSchema = lite.read(SchemaParityTest::sqliteSchema);
    Map<String, List<String>> pgSchema = pg.read(SchemaParityTest::postgresSchema);
    assertThat(liteSchema).hasSizeGreaterThan(15);
    assertThat(pgSchema.keySet()).isEqualTo(liteSchema.keySet());
    for (String table : liteSchema.keySet()) {
      assertThat(pgSchema.get(table)).as(table).isEqualTo(liteSchema.get(table));
    }
    assertThat(pg.read(SchemaParityTest::postgresIndexes))
        .isEqualTo(lite.read(SchemaParityTest::sqliteIndexes));
    assertThat(pg.schemaVersion()).isEqualTo(lite.schemaVersion()).isEqualTo(Migrations.LATEST);
  }

  /** table -> "column type NULL|NOT NULL" in order, then "pk (cols)". */
  static Map<String, List<String>> sqliteSchema(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table :
        strings(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      List<String> cols = new ArrayList<>();
      TreeMap<Integer, String> pk = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
        while (rs.next()) {
          String name = rs.getString("name");
          boolean notNull = rs.getInt("notnull") == 1 || rs.getInt("pk") > 0;
          cols.add(
              name
                  + " "
                  + Dialect.columnType(rs.getString("type"))
                  + (notNull ? " NOT NULL" : " NULL"));
          if (rs.getInt("pk") > 0) {
            pk.put(rs.getInt("pk"), name);
          }
        }
      }
      cols.add("pk " + pk.values());
      out.put(table, cols);
    }
    return out;
  }

  static Map<String, List<String>> postgresSchema(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table :
        strings(
            c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'")) {
      if (Dialect.isBookkeeping(table)) {
        continue;
      }
      List<String> cols = new ArrayList<>();
      for (String col :
          strings(
              c,
              "SELECT column_name || ' ' || data_type || CASE is_nullable WHEN 'YES' THEN ' NULL'"
                  + " ELSE ' NOT NULL' END FROM information_schema.columns WHERE table_schema ="
                  + " current_schema() AND table_name = '"
                  + table
                  + "' ORDER BY ordinal_position")) {
        cols.add(col);
      }
      cols.add(
          "pk "
              + strings(
                  c,
                  "SELECT k.column_name FROM information_schema.table_constraints t JOIN"
                      + " information_schema.key_column_usage k ON k.constraint_name ="
                      + " t.constraint_name AND k.table_name = t.table_name WHERE"
                      + " t.constraint_type = 'PRIMARY KEY' AND t.table_schema = current_schema()"
                      + " AND t.table_name = '"
                      + table
                      + "' ORDER BY k.ordinal_position"));
      out.put(table, cols);
    }
    return out;
  }

  static TreeSet<String> sqliteIndexes(Connection c) throws SQLException {
    return new TreeSet<>(
        strings(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"));
  }

  static TreeSet<String> postgresIndexes(Connection c) throws SQLException {
    return new TreeSet<>(
        strings(
            c,
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname"
                + " NOT IN (SELECT conname FROM pg_constraint)"));
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
