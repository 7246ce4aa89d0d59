package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.pg.EmbeddedPg;
import io.bridgescope.core.store.rows.Cursor;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A team index on a real PostgreSQL server: one writer, read-only readers, the bad inputs. */
class PgTeamIndexTest {

  private static void sql(String database, String... statements) throws SQLException {
    try (Connection c = EmbeddedPg.superuser(database);
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  private static List<StateSyncRow> page(Database db) {
    return db.read(c -> new StateSyncDao(c).page(Optional.empty(), 10));
  }

  private static PgTarget as(String database, String user) {
    return PgTarget.parse(EmbeddedPg.url(database) + "?user=" + user, Map.of());
  }

  @Test
  void aSecondWriterIsRefusedNamingTheHolderAndWithWaitTakesOverWhenItStops() throws Exception {
    String name = EmbeddedPg.freshDatabase();
    Database db = Database.openPostgres(as(name, "postgres"), Map.of(), true, false);
    StoreWriter first = new StoreWriter(db, Clock.systemUTC());
    assertThatThrownBy(() -> new StoreWriter(db, Clock.systemUTC()))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.LOCKED))
        .hasMessageContaining("Another indexer is writing")
        .hasMessageContaining("bridgescope indexer on " + PgStore.hostName())
        .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
        .hasMessageContaining("--wait");

    Database waiting = Database.openPostgres(as(name, "postgres"), Map.of(), true, true);
    CompletableFuture<StoreWriter> second =
        CompletableFuture.supplyAsync(() -> new StoreWriter(waiting, Clock.systemUTC()));
    // it waits on the lock inside the server, which pg_locks shows
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              try (Connection c = EmbeddedPg.superuser(name);
                  Statement s = c.createStatement();
                  var rs =
                      s.executeQuery(
                          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT"
                              + " granted")) {
                return rs.next() && rs.getInt(1) == 1;
              }
            });
    assertThat(second).isNotDone();
    first.close();
    StoreWriter taken = second.get(60, TimeUnit.SECONDS);
    taken.submit(Batch.of(c -> new StateSyncDao(c).insert(List.of(Fixtures.deposit(1, 5))))).get();
    taken.close();
  }

  @Test
  void aReaderGivenTheWritersCredentialsStillCannotWrite() throws Exception {
    String name = EmbeddedPg.freshDatabase();
    Database.openPostgres(as(name, "postgres"), Map.of(), true, false);
    Database reader = Database.openPostgres(as(name, "postgres"), Map.of(), false, false);
    assertThat(reader.writable()).isFalse();
    assertThatThrownBy(
            () -> reader.read(c -> new StateSyncDao(c).insert(List.of(Fixtures.deposit(1, 5)))))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY));
    assertThatThrownBy(() -> new StoreWriter(reader, Clock.systemUTC()))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY));
    assertThat(page(reader)).isEmpty();
  }

  /** The GRANTs of README.md, Team index on PostgreSQL, exactly. */
  @Test
  void theDocumentedReadOnlyRoleReadsEverythingTheWriterWritesAndNothingMore() throws Exception {
    String name = EmbeddedPg.freshDatabase();
    sql(
        name,
        "CREATE ROLE bridgescope_indexer LOGIN PASSWORD 'writer-secret'",
        "CREATE ROLE bridgescope_reader LOGIN PASSWORD 'reader-secret'",
        "GRANT CONNECT, CREATE ON DATABASE " + name + " TO bridgescope_indexer",
        "GRANT ALL ON SCHEMA public TO bridgescope_indexer",
        "GRANT CONNECT ON DATABASE " + name + " TO bridgescope_reader",
        "GRANT USAGE ON SCHEMA public TO bridgescope_reader",
        "ALTER DEFAULT PRIVILEGES FOR ROLE bridgescope_indexer IN SCHEMA public"
            + " GRANT SELECT ON TABLES TO bridgescope_reader");
    Database db =
        Database.openPostgres(
            as(name, "bridgescope_indexer"), Map.of("PGPASSWORD", "writer-secret"), true, false);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              new Batch(
                  List.of(c -> new StateSyncDao(c).insert(List.of(Fixtures.deposit(7, 5)))),
                  Optional.of(Fixtures.cursor(ChainRole.ROOT, 5))))
          .get();
    }
    Database reader =
        Database.openPostgres(
            as(name, "bridgescope_reader"), Map.of("PGPASSWORD", "reader-secret"), false, false);
    assertThat(page(reader)).containsExactly(Fixtures.deposit(7, 5));
    assertThat(reader.read(c -> new CursorDao(c).get(ChainRole.ROOT)).map(Cursor::lastBlock))
        .contains(5L);
    // even a session that turns read-only off may not write: the role has SELECT only
    assertThatThrownBy(
            () ->
                reader.read(
                    c -> {
                      try (Statement s = c.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
                        return s.executeUpdate("DELETE FROM state_syncs");
                      }
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("bridgescope_reader");
    // and it cannot open the index as its writer
    assertThatThrownBy(
            () ->
                new StoreWriter(
                    Database.openPostgres(
                        as(name, "bridgescope_reader"),
                        Map.of("PGPASSWORD", "reader-secret"),
                        true,
                        false),
                    Clock.systemUTC()))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void wrongCredentialsAreRefusedSayingWhereThePasswordComesFrom() throws Exception {
    String name = EmbeddedPg.freshDatabase();
    sql(name, "CREATE ROLE someone LOGIN PASSWORD 'right'");
    for (Map<String, String> env :
        List.of(Map.of("PGPASSWORD", "wrong"), Map.<String, String>of())) {
      assertThatThrownBy(() -> Database.openPostgres(as(name, "someone"), env, false, false))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.AUTH))
          .hasMessageContaining("refused user 'someone'")
          .hasMessageContaining("PGPASSWORD")
          .hasMessageContaining("~/.pgpass")
          .hasMessageNotContaining("wrong");
    }
  }

  @Test
  void anUnreachableServerIsNamed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PgTarget nobody = PgTarget.parse("postgresql://127.0.0.1:" + port + "/x?user=u", Map.of());
    assertThatThrownBy(() -> Database.openPostgres(nobody, Map.of(), true, false))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNREACHABLE))
        .hasMessageContaining("Cannot reach the PostgreSQL server 127.0.0.1:" + port);
  }

  @Test
  void aSchemaNewerThanThisBuildIsRefusedAndAnEmptyOneIsNotReadable() throws Exception {
    String empty = EmbeddedPg.freshDatabase();
    assertThatThrownBy(() -> Database.openPostgres(as(empty, "postgres"), Map.of(), false, false))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_OLD))
        .hasMessageContaining("is empty");
    String name = EmbeddedPg.freshDatabase();
    Database.openPostgres(as(name, "postgres"), Map.of(), true, false);
    sql(name, "INSERT INTO bridgescope_schema (version) VALUES (" + (Migrations.LATEST + 1) + ")");
    for (boolean writable : new boolean[] {true, false}) {
      assertThatThrownBy(
              () -> Database.openPostgres(as(name, "postgres"), Map.of(), writable, false))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_NEW))
          .hasMessageContaining("schema version " + (Migrations.LATEST + 1));
    }
  }

  @Test
  void aConnectionLostMidBatchLeavesNothingHalfWrittenAndTheBatchIsWrittenOnReconnect()
      throws Exception {
    String name = EmbeddedPg.freshDatabase();
    Database db = Database.openPostgres(as(name, "postgres"), Map.of(), true, false);
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger attempts = new AtomicInteger();
    List<StateSyncRow> rows = List.of(Fixtures.deposit(1, 5), Fixtures.deposit(2, 6));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              new Batch(
                  List.of(
                      c -> {
                        attempts.incrementAndGet();
                        new StateSyncDao(c).insert(rows.subList(0, 1));
                      },
                      c -> {
                        if (killed.compareAndSet(false, true)) {
                          // the first row is written, uncommitted: now the server ends the session
                          int pid;
                          try (Statement s = c.createStatement();
                              var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                            rs.next();
                            pid = rs.getInt(1);
                          }
                          sql(name, "SELECT pg_terminate_backend(" + pid + ")");
                        }
                        new StateSyncDao(c).insert(rows.subList(1, 2));
                      }),
                  Optional.of(Fixtures.cursor(ChainRole.ROOT, 6))))
          .get(120, TimeUnit.SECONDS);
    }
    assertThat(attempts).hasValue(2);
    assertThat(page(db)).containsExactlyInAnyOrderElementsOf(rows);
    assertThat(db.read(c -> new CursorDao(c).get(ChainRole.ROOT)).map(Cursor::lastBlock))
        .contains(6L);
  }

  @Test
  void aUrlWithAPasswordIsRefusedAndNoneIsEverPrinted() {
    for (String url :
        List.of("postgresql://u:secret@h/db", "postgresql://h/db?password=secret&user=u")) {
      assertThatThrownBy(() -> PgTarget.parse(url, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PGPASSWORD")
          .hasMessageNotContaining("secret");
    }
    // a key's passphrase is a password too, from a command line as from a profile
    assertThatThrownBy(
            () -> PgTarget.parse("postgresql://h/db?sslkey=/k.pk8&sslpassword=secret", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sslpassword")
        .hasMessageNotContaining("secret");
    PgTarget t =
        PgTarget.parse(
            "postgresql://ops@db.example:6543/bridge?sslmode=verify-full&sslrootcert=/etc/ca.pem",
            Map.of("PGPASSWORD", "secret"));
    assertThat(t.toString())
        .isEqualTo("postgresql://ops@db.example:6543/bridge?sslmode=verify-full")
        .doesNotContain("secret");
    assertThat(t.properties(Map.of("PGPASSWORD", "secret"), Map.of()))
        .containsEntry("sslmode", "verify-full")
        .containsEntry("sslrootcert", "/etc/ca.pem")
        .containsEntry("password", "secret")
        .containsEntry("user", "ops");
    assertThatThrownBy(() -> PgTarget.parse("postgresql://h/db?sslmod=require", Map.of()))
        .hasMessageContaining("unknown option 'sslmod'");
  }
}
