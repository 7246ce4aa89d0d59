package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.ChainPin;
import io.bridgescope.desktop.status.TeamIndexState;
import io.bridgescope.desktop.testing.TeamPg;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team session on a real PostgreSQL server (embedded, no display): it never writes the team
 * index, and a connection the server cuts off is shown as lost and recovered when it comes back.
 */
class TeamIndexSessionTest {

  @TempDir Path dir;

  private static void sql(String database, String q) throws Exception {
    try (Connection c = TeamPg.superuser(database);
        Statement s = c.createStatement()) {
      s.execute(q);
    }
  }

  @Test
  void aConnectionCutOffIsShownAsLostAndRecoversWhenTheServerAcceptsItAgain() throws Exception {
    String database = TeamPg.freshDatabase();
    PgTarget target = PgTarget.parse(TeamPg.url(database), Map.of());
    Database.openPostgres(target, Map.of(), true, false); // the indexer creates the schema
    Database team = Database.openPostgres(target, Map.of(), false, false);
    DataDir data = new DataDir(dir);
    AtomicInteger changes = new AtomicInteger();
    try (Session s =
        Session.team(
            WatchBaselineTest.profile(),
            "team",
            team,
            target,
            Database.open(data.database("baseline")))) {
      AutoCloseable sub = s.onChange(changes::incrementAndGet);
      await("first read")
          .atMost(Duration.ofSeconds(60))
          .until(() -> s.team().orElseThrow().lost().isEmpty());
      TeamIndexState first = s.team().orElseThrow();
      assertThat(first.writerHost()).isEmpty();
      assertThat(first.line()).contains("no indexer running");
      assertThatThrownBy(s::indexer).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> new StoreWriter(s.db(), Clock.systemUTC()))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.READ_ONLY));

      // the server stops taking this database's sessions and drops the open ones
      sql("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      sql(
          "postgres",
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + database
              + "'");
      await("the status line says the index cannot be read")
          .atMost(Duration.ofSeconds(60))
          .until(() -> s.team().orElseThrow().lost().isPresent());
      assertThat(s.team().orElseThrow().line())
          .startsWith("team index: " + database + " on localhost:" + target.port() + ", ")
          .contains("retrying");

      sql("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      await("it recovers")
          .atMost(Duration.ofSeconds(60))
          .until(() -> s.team().orElseThrow().lost().isEmpty());
      assertThat(s.team().orElseThrow().line()).contains("no indexer running");
      assertThat(changes.get()).as("each change of state was announced").isGreaterThanOrEqualTo(2);
      sub.close();
    }
  }

  @Test
  void aProfileNamingItsTeamIndexOpensItAtStartAndFallsBackToTheLocalIndexWhenItCannot()
      throws Exception {
    String database = TeamPg.freshDatabase();
    PgTarget target = PgTarget.parse(TeamPg.url(database), Map.of());
    Database.openPostgres(target, Map.of(), true, false); // the indexer creates the schema
    DataDir data = new DataDir(dir);
    data.saveProfile(
        WatchBaselineTest.profile().toBuilder().name("shared").store(TeamPg.url(database)).build());
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    data.saveProfile(
        WatchBaselineTest.profile().toBuilder()
            .name("away")
            .store("postgresql://127.0.0.1:" + port + "/bridge")
            .build());
    try (SessionManager sessions = new SessionManager(data)) {
      sessions.open("shared").get(120, java.util.concurrent.TimeUnit.SECONDS);
      Session s = sessions.current().orElseThrow();
      assertThat(s.db().isShared()).isTrue();
      assertThat(s.db().writable()).isFalse();
      assertThat(s.team()).isPresent();
      assertThat(sessions.teamStore()).contains(TeamPg.url(database));

      sessions.open("away").get(120, java.util.concurrent.TimeUnit.SECONDS);
      Session local = sessions.current().orElseThrow();
      assertThat(local.db().isShared()).as("the app keeps running on its local index").isFalse();
      assertThat(sessions.progress())
          .startsWith("Team index not opened, reading the local index: ")
          .contains("store_unreachable")
          .contains("127.0.0.1:" + port);
    }
  }

  @Test
  void anotherNetworksTeamIndexIsRefusedAtStartAndWhenOpenedLeavingTheLocalIndex()
      throws Exception {
    String database = TeamPg.freshDatabase();
    PgTarget target = PgTarget.parse(TeamPg.url(database), Map.of());
    // indexed from chains 5 (root) and 6 (child); the profile's are 1 and 2
    Database indexer = Database.openPostgres(target, Map.of(), true, false);
    try (StoreWriter w = new StoreWriter(indexer, Clock.systemUTC())) {
      for (ChainPin p :
          List.of(
              new ChainPin(ChainRole.ROOT, 5, hash(5)),
              new ChainPin(ChainRole.CHILD, 6, hash(6)))) {
        w.call(c -> new ChainIdentityDao(c).pinIfAbsent(p, Instant.EPOCH)).join();
      }
    }
    DataDir data = new DataDir(dir);
    data.saveProfile(
        WatchBaselineTest.profile().toBuilder().name("shared").store(TeamPg.url(database)).build());
    data.saveProfile(WatchBaselineTest.profile().toBuilder().name("plain").build());
    try (SessionManager sessions = new SessionManager(data)) {
      sessions.open("shared").get(120, TimeUnit.SECONDS);
      assertThat(sessions.current().orElseThrow().db().isShared())
          .as("the app keeps running on its local index")
          .isFalse();
      assertThat(sessions.progress())
          .startsWith("Team index not opened, reading the local index: ")
          .contains("store_other_network")
          .contains("root chain is chain id 5")
          .contains("root chain id 1");

      sessions.open("plain").get(120, TimeUnit.SECONDS);
      Session before = sessions.current().orElseThrow();
      assertThatThrownBy(() -> sessions.openTeam(TeamPg.url(database), () -> false).get())
          .hasCauseInstanceOf(StoreException.class)
          .cause()
          .satisfies(
              e ->
                  assertThat(((StoreException) e).reason())
                      .isEqualTo(StoreException.Reason.OTHER_NETWORK));
      assertThat(sessions.current()).as("the open session goes on as it was").containsSame(before);
    }
  }

  private static Hash32 hash(int b) {
    byte[] h = new byte[32];
    java.util.Arrays.fill(h, (byte) b);
    return new Hash32(h);
  }

  @Test
  void lostWordsNameTheTypedErrorAndWhatToDo() {
    assertThat(
            TeamIndex.lostWords(
                new StoreException(StoreException.Reason.CONNECTION_LOST, "gone", null)))
        .startsWith("connection lost (store_connection_lost)");
    assertThat(
            TeamIndex.lostWords(new StoreException(StoreException.Reason.UNREACHABLE, "x", null)))
        .startsWith("connection lost (store_connection_lost)");
    assertThat(TeamIndex.lostWords(new StoreException(StoreException.Reason.AUTH, "x", null)))
        .contains("set PGPASSWORD or ~/.pgpass");
  }
}
