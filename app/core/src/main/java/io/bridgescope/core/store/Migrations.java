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
 * transaction together with the level that records it, so a crash leaves the store at a whole
 * level.
 *
 * <p>Each migration is one SQLite file in {@code db/migration/} and its PostgreSQL twin of the same
 * name in {@code db/migration/postgresql/} ({@link Dialect#migrationPath}); adding a level is
 * adding both files and one line below. {@code SchemaParityTest} fails while a twin is missing or
 * differs.
 */
final class Migrations {

  record Migration(int version, String resource) {}

  /** Add new files here, numbered consecutively; never edit a released one. */
  static final List<Migration> ALL =
      List.of(
          new Migration(1, "V001__initial.sql"),
          new Migration(2, "V002__wallet_and_watches.sql"),
          new Migration(3, "V003__epochs.sql"),
          new Migration(4, "V004__chain_identity.sql"),
          new Migration(5, "V005__submission_reverts.sql"),
          new Migration(6, "V006__assets.sql"),
          new Migration(7, "V007__solvency_history.sql"));

  static final int LATEST = ALL.get(ALL.size() - 1).version();

  private Migrations() {}

  /** The SQLite level ({@code PRAGMA user_version}). */
  static int userVersion(Connection c) throws SQLException {
    return Dialect.SQLITE.schemaVersion(c);
  }

  /** Applies the migrations above the current level up to {@code target}; c is in manual commit. */
  static void migrate(Connection c, int target) throws SQLException {
    migrate(c, target, Dialect.of(c));
  }

  static void migrate(Connection c, int target, Dialect dialect) throws SQLException {
    for (Migration m : ALL) {
      if (m.version() > target) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        dialect.beginMigration(c);
        // read inside the migration's transaction (and, on PostgreSQL, its lock)
        if (m.version() <= dialect.schemaVersion(c)) {
          c.commit();
          continue;
        }
        for (String sql : SqlScript.statements(load(dialect, m))) {
          s.execute(sql);
        }
        dialect.recordVersion(c, m.version());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw new SQLException(
            "migration " + dialect.migrationPath(m.resource()) + " failed: " + e.getMessage(),
            e.getSQLState(),
            e);
      }
    }
  }

  static String load(Dialect dialect, Migration m) {
    String path = dialect.migrationPath(m.resource());
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "migration "
                + path
                + " is missing from the build"
                + (dialect == Dialect.POSTGRESQL
                    ? ": every SQLite migration needs its PostgreSQL twin of the same name"
                    : ""));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + path, e);
    }
  }
}
