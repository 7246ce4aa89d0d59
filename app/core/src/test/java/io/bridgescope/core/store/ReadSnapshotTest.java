package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read task sees one snapshot: a batch committed by the writer between two of its statements is
 * seen by neither (solvency reads the cursors, then the rows, and must not see rows past them).
 */
class ReadSnapshotTest {

  @TempDir Path dir;

  @Test
  void aBatchCommittedDuringAReadIsSeenByNoneOfItsStatements() throws Exception {
    Database db = Database.open(dir.resolve("snapshot.db"));
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      w.submit(Batch.of(insert("before"))).join();
      List<Long> seen =
          db.read(
              c -> {
                long first = count(c);
                // The writer commits while this read is between two statements.
                w.submit(Batch.of(insert("during"))).join();
                long second = count(c);
                return List.of(first, second);
              });
      assertThat(seen).containsExactly(1L, 1L);
      assertThat(db.read(ReadSnapshotTest::count)).as("a later read sees the batch").isEqualTo(2);
    }
  }

  private static WriteOp insert(String key) {
    return c -> {
      try (PreparedStatement ins =
          c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, 'v')")) {
        ins.setString(1, key);
        ins.executeUpdate();
      }
    };
  }

  private static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM settings");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
