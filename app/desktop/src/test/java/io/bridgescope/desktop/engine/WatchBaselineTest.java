package io.bridgescope.desktop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.WatchDao;
import io.bridgescope.core.store.rows.WatchKind;
import io.bridgescope.desktop.ports.Notice;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched deposit that moves on while the app is closed is reported at the next start: the stage
 * last seen is kept in the network's database (in the data directory), not in memory.
 */
class WatchBaselineTest {

  @TempDir Path dir;

  static NetworkProfile profile() {
    return NetworkProfile.builder()
        .name("baseline")
        .root(new ChainConfig(1, List.of(URI.create("http://127.0.0.1:1")), 0))
        .child(new ChainConfig(2, List.of(URI.create("http://127.0.0.1:1")), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  static void sql(Session s, String q) throws Exception {
    s.writer()
        .submit(
            Batch.of(
                c -> {
                  try (Statement st = c.createStatement()) {
                    st.execute(q);
                  }
                }))
        .get();
  }

  @Test
  void aChangeWhileTheAppWasClosedIsReportedAtTheNextStart() throws Exception {
    Path db = dir.resolve("baseline.db");
    DataDir data = new DataDir(dir);
    Session first = Session.readOnly(profile(), "baseline", Database.open(db));
    sql(
        first,
        "INSERT INTO state_syncs (id, sender, receiver, data, kind, block_number, block_time,"
            + " tx_hash, log_index) VALUES (unhex(printf('%064x', 5)), zeroblob(20), zeroblob(20),"
            + " x'', 'message', 3, 1700000000, unhex(printf('%064x', 5)), 0)");
    try (EngineWatches watches = new EngineWatches(SessionManager.of(data, first))) {
      List<Notice> seen = new CopyOnWriteArrayList<>();
      watches.subscribe(seen::addAll);
      watches.setWatched(WatchKind.DEPOSIT, "5", true);
      await("the baseline is stored")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  first
                      .db()
                      .read(c -> new WatchDao(c).setting("watch.stage.Deposit 5"))
                      .isPresent());
      assertThat(seen).isEmpty(); // the first look is a baseline, not news
    }
    // while the app is closed, the deposit is committed
    sql(
        first,
        "INSERT INTO commitments (start_id, end_id, root, block_number, block_time, tx_hash,"
            + " log_index) VALUES (unhex(printf('%064x', 1)), unhex(printf('%064x', 8)),"
            + " zeroblob(32), 9, 1700000003, unhex(printf('%064x', 99)), 0)");
    first.close();

    Session second = Session.readOnly(profile(), "baseline", Database.open(db));
    try (EngineWatches watches = new EngineWatches(SessionManager.of(data, second))) {
      List<Notice> seen = new CopyOnWriteArrayList<>();
      watches.subscribe(seen::addAll);
      await("the change made while closed is reported")
          .atMost(Duration.ofSeconds(30))
          .until(() -> !seen.isEmpty());
      assertThat(seen).extracting(Notice::title).containsExactly("Deposit 5: Committed");
      assertThat(seen.get(0).text()).isEqualTo("was Sent");
      assertThat(seen.get(0).target()).contains(new Notice.Target(Notice.Target.Kind.DEPOSIT, "5"));
    } finally {
      second.close();
    }
  }
}
