package io.bridgescope.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-writer rule of a team index: a session-level PostgreSQL advisory lock held by the
 * writer's connection for as long as it lives (a killed indexer's session ends and frees it). One
 * database holds one network (the chain identity pin), and advisory locks are per database, so this
 * is one writer per network. The holder writes who it is into {@code bridgescope_writer} so a
 * second indexer can say whom it is waiting for. Readers take no lock and never wait for the
 * writer.
 */
final class WriterLock {

  /** pg_advisory_lock keys: "bscope" in ASCII, then 1 (writer) and 2 (migrations). */
  static final long WRITER_KEY = 0x6273636f7065_0001L;

  static final long MIGRATION_KEY = 0x6273636f7065_0002L;

  private WriterLock() {}

  /**
   * Takes the lock on {@code c} (manual commit) and records the holder; with {@code wait} blocks
   * until the current holder ends, else fails with {@link StoreException.Reason#LOCKED}.
   */
  static void acquire(Connection c, PgStore store, boolean wait) throws SQLException {
    boolean got;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                wait
                    ? "SELECT pg_advisory_lock(" + WRITER_KEY + ") IS NOT NULL"
                    : "SELECT pg_try_advisory_lock(" + WRITER_KEY + ")")) {
      got = rs.next() && rs.getBoolean(1);
    }
    if (!got) {
      String holder = holder(c).orElse("an indexer that has not said who it is");
      c.rollback();
      throw new StoreException(
          StoreException.Reason.LOCKED,
          "Another indexer is writing "
              + store.target()
              + ": "
              + holder
              + ". One network has one writer: stop that one, or run with --wait to take over when"
              + " it stops.",
          null);
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS bridgescope_writer (id INTEGER PRIMARY KEY CHECK (id = 1),"
              + " holder TEXT NOT NULL, since BIGINT NOT NULL)");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.POSTGRESQL.upsert(
                "bridgescope_writer",
                java.util.List.of("id", "holder", "since"),
                java.util.List.of("id")))) {
      ps.setInt(1, 1);
      ps.setString(
          2, PgStore.applicationName(false) + " (pid " + ProcessHandle.current().pid() + ")");
      ps.setLong(3, Instant.now().toEpochMilli());
      ps.executeUpdate();
    }
    c.commit();
  }

  /**
   * The indexer holding the lock now (empty when no session holds it, even if one held it before):
   * whether it is held comes from {@code pg_locks}, who holds it from {@code bridgescope_writer}.
   * Works on a read-only session.
   */
  static Optional<TeamWriter> current(Connection c) throws SQLException {
    boolean held;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                    + " WHERE d.datname = current_database() AND l.locktype = 'advisory'"
                    + " AND l.granted AND l.objsubid = 1 AND l.classid::bigint = "
                    + (WRITER_KEY >>> 32)
                    + " AND l.objid::bigint = "
                    + (WRITER_KEY & 0xffffffffL)
                    + ")")) {
      held = rs.next() && rs.getBoolean(1);
    }
    if (!held) {
      return Optional.empty();
    }
    try (Statement s = c.createStatement();
        ResultSet exists = s.executeQuery("SELECT to_regclass('bridgescope_writer') IS NOT NULL")) {
      if (!exists.next() || !exists.getBoolean(1)) {
        return Optional.of(new TeamWriter("unknown host", -1, Instant.EPOCH));
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT holder, since FROM bridgescope_writer WHERE id = 1")) {
      if (!rs.next()) {
        return Optional.of(new TeamWriter("unknown host", -1, Instant.EPOCH));
      }
      return Optional.of(TeamWriter.parse(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
    }
  }

  /** Who last took the writer lock and since when, as a sentence part. */
  static Optional<String> holder(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet exists = s.executeQuery("SELECT to_regclass('bridgescope_writer') IS NOT NULL")) {
      if (!exists.next() || !exists.getBoolean(1)) {
        return Optional.empty();
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT holder, since FROM bridgescope_writer WHERE id = 1")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(rs.getString(1) + ", since " + Instant.ofEpochMilli(rs.getLong(2)));
    }
  }
}
