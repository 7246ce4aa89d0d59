package io.bridgescope.core.identity;

import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.pg.EmbeddedPg;
import java.util.Map;

/** {@link ChainGuardTest} on a team index: a database of another network is refused there too. */
class PgChainGuardTest extends ChainGuardTest {

  @Override
  Database openStore() {
    return Database.openPostgres(
        PgTarget.parse(EmbeddedPg.url(EmbeddedPg.freshDatabase()) + "?user=postgres", Map.of()),
        Map.of(),
        true,
        false);
  }
}
