package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.store.pg.EmbeddedPg;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader sees who holds a team index's writer lock, and that nobody does once it stops. */
class PgTeamWriterTest {

  @TempDir Path dir;

  @Test
  void aReaderNamesTheHolderWhileItRunsAndNoneOnceItStops() {
    PgTarget target = PgStores.target(EmbeddedPg.freshDatabase());
    Database writerDb = Database.openPostgres(target, Map.of(), true, false);
    Database reader = Database.openPostgres(target, Map.of(), false, false);
    assertThat(reader.teamWriter()).as("no indexer has run").isEmpty();

    Instant before = Instant.now().minusSeconds(1);
    StoreWriter w = new StoreWriter(writerDb, Clock.systemUTC());
    TeamWriter holder = reader.teamWriter().orElseThrow();
    assertThat(holder.host()).isEqualTo(PgStore.hostName());
    assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(holder.since()).isAfter(before);

    w.close();
    // the server frees a session's advisory locks when the session ends
    Awaitility.await("the lock is free").until(() -> reader.teamWriter().isEmpty());
  }

  @Test
  void holdersAreReadAsRecordedAndASqliteFileHasNone() {
    Instant t = Instant.ofEpochMilli(1_000);
    assertThat(TeamWriter.parse("bridgescope indexer on ci-7 (pid 42)", t))
        .isEqualTo(new TeamWriter("ci-7", 42, t));
    assertThat(TeamWriter.parse("something else", t))
        .isEqualTo(new TeamWriter("something else", -1, t));
    assertThat(TeamWriter.parse("bridgescope indexer on h (pid x)", t).pid()).isEqualTo(-1);
    assertThatThrownBy(() -> Database.open(dir.resolve("a.db")).teamWriter())
        .isInstanceOf(IllegalStateException.class);
  }
}
