package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dir;

  private static List<String> schema(Database db) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT type || ' ' || name || ' ' || tbl_name || ': '"
                    + " || coalesce(sql, '') FROM sqlite_master ORDER BY type, name",
                ps -> {},
                rs -> rs.getString(1).replaceAll("\\s+", " ")));
  }

  @Test
  void freshDatabaseEqualsOneUpgradedStepByStep() throws Exception {
    Database fresh = Database.open(dir.resolve("fresh.db"));

    Path stepped = dir.resolve("stepped.db");
    for (int level = 1; level <= Migrations.LATEST; level++) {
      Database db = Database.open(stepped, level);
      assertThat(db.schemaVersion()).isEqualTo(level);
      if (level == 1) { // data written at an old level must survive the upgrade
        try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
          w.submit(Batch.of(c -> new StateSyncDao(c).insert(List.of(Fixtures.deposit(1, 5)))))
              .get();
        }
      }
    }
    Database upgraded = Database.open(stepped);

    assertThat(schema(upgraded)).isEqualTo(schema(fresh)).isNotEmpty();
    assertThat(upgraded.schemaVersion())
        .isEqualTo(fresh.schemaVersion())
        .isEqualTo(Migrations.LATEST);
    long rows = upgraded.read(c -> new StateSyncDao(c).count());
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void migrationsAreNumberedConsecutively() {
    for (int i = 0; i < Migrations.ALL.size(); i++) {
      var m = Migrations.ALL.get(i);
      assertThat(m.version()).isEqualTo(i + 1);
      assertThat(m.resource()).startsWith(String.format("V%03d__", i + 1)).endsWith(".sql");
    }
  }

  @Test
  void databaseFromNewerVersionIsRefused() throws Exception {
    Path file = dir.resolve("newer.db");
    Database.open(file);
    try (Connection c = Database.open(file).openWriteConnection();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + (Migrations.LATEST + 1));
      c.commit();
    }
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TOO_NEW))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version " + (Migrations.LATEST + 1))
        .hasMessageContaining("newer Bridgescope");
  }

  @Test
  void truncatedFileIsReportedAsCorruptNamingTheFile() throws Exception {
    Path file = dir.resolve("broken.db");
    Database db = Database.open(file);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      for (int batch = 0; batch < 20; batch++) {
        int base = batch * 100;
        w.submit(
                Batch.of(
                    c -> {
                      var rows =
                          new java.util.ArrayList<io.bridgescope.core.store.rows.StateSyncRow>();
                      for (int i = 1; i <= 100; i++) {
                        rows.add(Fixtures.deposit(base + i, base + i));
                      }
                      new StateSyncDao(c).insert(rows);
                    }))
            .get();
      }
    }
    long size = Files.size(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size / 2);
    }
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT))
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("move the file aside");
  }

  @Test
  void fileThatIsNotADatabaseIsReportedAsCorrupt() throws Exception {
    Path file = dir.resolve("text.db");
    Files.writeString(file, "this is not sqlite, just some text that is long enough ".repeat(100));
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT));
  }

  @Test
  void sqlScriptSplitterKeepsQuotedSemicolonsAndDropsComments() {
    assertThat(SqlScript.statements("-- a; b\nCREATE TABLE t (x TEXT DEFAULT ';'); SELECT 1;"))
        .containsExactly("CREATE TABLE t (x TEXT DEFAULT ';')", "SELECT 1");
  }
}
