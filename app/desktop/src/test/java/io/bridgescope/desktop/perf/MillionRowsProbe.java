package io.bridgescope.desktop.perf;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.store.Batch;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.desktop.engine.EnginePorts;
import io.bridgescope.desktop.engine.Session;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.ports.UiPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Probe (not a unit test): 1,000,000 deposits in SQLite, then the time the Deposits adapter takes
 * to count them and read the first page, and a page half a million rows down. Run with {@code java
 * -cp <test classpath> io.bridgescope.desktop.perf.MillionRowsProbe <repo root>}.
 */
public final class MillionRowsProbe {

  private MillionRowsProbe() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : "../..");
    Path dir = Files.createTempDirectory("bs-1m-");
    Database db = Database.open(dir.resolve("big.db"));
    long t0 = System.nanoTime();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c -> {
                    try (Statement s = c.createStatement()) {
                      s.execute(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                              + " WHERE i < 1000000) INSERT INTO state_syncs (id, sender,"
                              + " receiver, data, kind, depositor, recipient, token, amount,"
                              + " block_number, block_time, tx_hash, log_index)"
                              + " SELECT unhex(printf('%064x', i)),"
                              + " zeroblob(20), zeroblob(20), x'', 'deposit',"
                              + " unhex(printf('%040x', i % 1000)), zeroblob(20), zeroblob(20),"
                              + " unhex(printf('%064x', i * 1000000000)), i / 10, 1700000000 + i,"
                              + " unhex(printf('%064x', i)), 0 FROM n");
                    }
                  }))
          .get();
    }
    System.out.printf("generated 1,000,000 rows in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    var profile = NetworkProfileJson.read(repo.resolve("resources/networks/example.json"));
    Session session = Session.readOnly(profile, "probe", db);
    UiPorts ports = EnginePorts.over(SessionManager.of(new DataDir(dir), session));
    for (int run = 0; run < 3; run++) {
      long a = System.nanoTime();
      long n = ports.deposits().count();
      var first = ports.deposits().page(0, 200);
      long b = System.nanoTime();
      var middle = ports.deposits().page(500_000, 200);
      long c = System.nanoTime();
      System.out.printf(
          "run %d: count %,d + first page (%d rows, top id %s) %d ms; page at 500,000 (id %s) %d ms%n",
          run,
          n,
          first.size(),
          first.get(0).stateSyncId(),
          (b - a) / 1_000_000,
          middle.get(0).stateSyncId(),
          (c - b) / 1_000_000);
    }
    filtered(ports);
    session.close();
  }

  /** The same table through the SQL-side filters: count + first page, and a page far down. */
  private static void filtered(UiPorts ports) throws Exception {
    Address depositor = Address.ofLow(7); // in 1,000 rows (i % 1000 == 7)
    Address zero = Address.ofLow(0); // the token of every row, and the receiver of every row
    Instant t = Instant.ofEpochSecond(1_700_000_000L + 400_000);
    List<Object[]> cases =
        List.of(
            new Object[] {
              "address (1,000 rows), newest", MessageFilter.NONE.withAddress(Optional.of(depositor))
            },
            new Object[] {
              "address (1,000 rows), oldest first",
              MessageFilter.NONE
                  .withAddress(Optional.of(depositor))
                  .withOrder(MessageFilter.Order.OLDEST_ID)
            },
            new Object[] {"token (every row)", MessageFilter.NONE.withToken(Optional.of(zero))},
            new Object[] {
              "time range (100,000 rows)",
              MessageFilter.NONE.withTime(Optional.of(t), Optional.of(t.plusSeconds(100_000)))
            },
            new Object[] {
              "status Sent (every row; checked per row)",
              MessageFilter.NONE.withStage(Optional.of(Stage.SENT))
            },
            new Object[] {
              "status Executed (no row)", MessageFilter.NONE.withStage(Optional.of(Stage.EXECUTED))
            },
            new Object[] {
              "oldest first, by time", MessageFilter.NONE.withOrder(MessageFilter.Order.OLDEST_TIME)
            });
    for (Object[] c : cases) {
      var source = ports.deposits().filtered((MessageFilter) c[1]).orElseThrow();
      for (int run = 0; run < 2; run++) {
        long a = System.nanoTime();
        long n = source.count();
        var first = source.page(0, 200);
        long b = System.nanoTime();
        var far = n > 600 ? source.page((int) Math.min(n - 200, 500), 200) : List.of();
        long e = System.nanoTime();
        System.out.printf(
            "filter %-40s run %d: count %,d + first page (%d rows) %d ms; page at %d %d ms%n",
            c[0],
            run,
            n,
            first.size(),
            (b - a) / 1_000_000,
            Math.min(n - 200, 500),
            (e - b) / 1_000_000);
      }
    }
  }
}
