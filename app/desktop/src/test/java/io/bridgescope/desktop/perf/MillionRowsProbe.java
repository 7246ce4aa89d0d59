package io.bridgescope.desktop.perf;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.network.NetworkProfileJson;
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
    session.close();
  }
}
