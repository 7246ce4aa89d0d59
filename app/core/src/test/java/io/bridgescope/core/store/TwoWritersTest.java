package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one database file (the CLI wallet beside a running demo): batches that read before
 * they write wait for each other instead of failing with SQLITE_BUSY_SNAPSHOT.
 */
class TwoWritersTest {

  @TempDir Path dir;

  @Test
  void readThenWriteBatchesFromTwoWritersAllCommit() throws Exception {
    Path file = dir.resolve("shared.db");
    Database a = Database.open(file);
    Database b = Database.open(file);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    try (StoreWriter wa = new StoreWriter(a, Clock.systemUTC());
        StoreWriter wb = new StoreWriter(b, Clock.systemUTC())) {
      for (int i = 0; i < 100; i++) {
        all.add(wa.submit(Batch.of(readThenWrite("a" + i))));
        all.add(wb.submit(Batch.of(readThenWrite("b" + i))));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
    long rows =
        a.read(
            c -> {
              try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM settings");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(rows).isEqualTo(200);
  }

  private static WriteOp readThenWrite(String key) {
    return c -> {
      try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM settings");
          ResultSet rs = count.executeQuery()) {
        rs.next();
      }
      try (PreparedStatement ins =
          c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
        ins.setString(1, key);
        ins.setString(2, "v");
        ins.executeUpdate();
      }
    };
  }
}
