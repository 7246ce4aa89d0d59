package io.bridgescope.core.store;

/** {@link ReorgsTest} against a team index on a real PostgreSQL server. */
class PgReorgsTest extends ReorgsTest {

  @Override
  Database openStore(String name) {
    return PgStores.freshWriter();
  }
}
