package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging a large table reads from indexes (no sort of the whole table). Its speed is measured by
 * the benchmark under bench/, not asserted here with a timer.
 */
class PagingPerformanceTest {

  @TempDir Path dir;

  @Test
  void firstPagesOfALargeTableComeFromIndexes() throws Exception {
    Database db = Database.open(dir.resolve("big.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(
              Batch.of(
                  c -> {
                    try (Statement s = c.createStatement()) {
                      // ids as 32-byte big-endian blobs, 200 rows per depositor
                      s.execute(
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                              + " WHERE i < 200000) INSERT INTO state_syncs (id, sender,"
                              + " receiver, data, kind, depositor, recipient, token, amount,"
                              + " block_number, block_time, tx_hash, log_index)"
                              + " SELECT unhex(printf('%064x', i)),"
                              + " zeroblob(20), zeroblob(20), x'', 'deposit',"
                              + " unhex(printf('%040x', i % 1000)), zeroblob(20), zeroblob(20),"
                              + " zeroblob(32), i / 10, i, unhex(printf('%064x', i)), 0 FROM n");
                    }
                  }))
          .get();
    }
    var page = db.read(c -> new StateSyncDao(c).page(Optional.empty(), 100));
    var byAddress =
        db.read(
            c ->
                new StateSyncDao(c)
                    .byAddress(io.bridgescope.core.model.Address.ofLow(7), Optional.empty(), 100));

    assertThat(page).hasSize(100);
    assertThat(page.get(0).id()).isEqualTo(BigInteger.valueOf(200_000));
    assertThat(byAddress).hasSize(100);

    List<String> plan =
        db.read(
            c ->
                Sql.list(
                    c,
                    "EXPLAIN QUERY PLAN SELECT * FROM state_syncs WHERE id < ? ORDER BY id DESC"
                        + " LIMIT 100",
                    ps -> ps.setBytes(1, Sql.aboveAllU256()),
                    rs -> rs.getString("detail")));
    assertThat(String.join("\n", plan)).doesNotContain("TEMP B-TREE").contains("USING");
  }
}
