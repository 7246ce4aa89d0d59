package io.bridgescope.core.store;

import io.bridgescope.core.store.pg.EmbeddedPg;
import java.util.Map;

/** Team indexes on the embedded PostgreSQL server, one fresh database each. */
final class PgStores {

  private PgStores() {}

  /** A fresh database, opened as its writer would open it (migrated). */
  static Database freshWriter() {
    return Database.openPostgres(target(EmbeddedPg.freshDatabase()), Map.of(), true, false);
  }

  static PgTarget target(String database) {
    return PgTarget.parse(EmbeddedPg.url(database) + "?user=postgres", Map.of());
  }
}
