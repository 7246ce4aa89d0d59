package io.bridgescope.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The numbered schema migrations in {@code db/migration/}, applied in order, each in its own
 * transaction together with the {@code PRAGMA user_version} that records it, so a crash leaves the
 * database at a whole level.
 */
final class Migrations {

  record Migration(int version, String resource) {}

  /** Add new files here, numbered consecutively; never edit a released one. */
  static final List<Migration> ALL =
      List.of(
          new Migration(1, "V001__initial.sql"),
          new Migration(2, "V002__wallet_and_watches.sql"),
          new Migration(3, "V003__epochs.sql"),
          new Migration(4, "V004__chain_identity.sql"));

  static final int LATEST = ALL.get(ALL.size() - 1).version();

  private Migrations() {}

  static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Applies the migrations above the current level up to {@code target}; c is in manual commit. */
  static void migrate(Connection c, int target) throws SQLException {
    int current = userVersion(c);
    for (Migration m : ALL) {
      if (m.version() <= current || m.version() > target) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : SqlScript.statements(load(m))) {
          s.execute(sql);
        }
        s.execute("PRAGMA user_version = " + m.version());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw new SQLException("migration " + m.resource() + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static String load(Migration m) {
    String path = "/db/migration/" + m.resource();
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration " + path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + path, e);
    }
  }
}
