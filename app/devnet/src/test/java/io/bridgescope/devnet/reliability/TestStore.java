package io.bridgescope.devnet.reliability;

import io.bridgescope.core.store.Database;
import java.nio.file.Path;

/**
 * The two stores a reliability test runs against: a local SQLite file and a team index on a real
 * PostgreSQL server ({@link DevnetPg}). Each {@link #fresh} call gives a new empty index opened as
 * its writer.
 */
enum TestStore {
  SQLITE {
    @Override
    Database fresh(Path dir, String name) {
      return Database.open(dir.resolve(name + ".db"));
    }
  },
  POSTGRESQL {
    @Override
    Database fresh(Path dir, String name) {
      return DevnetPg.open(DevnetPg.freshUrl());
    }
  };

  /** A new empty index named {@code name} (a file under {@code dir} for SQLite). */
  abstract Database fresh(Path dir, String name);
}
