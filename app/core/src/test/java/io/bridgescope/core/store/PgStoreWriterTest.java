package io.bridgescope.core.store;

/** {@link StoreWriterTest} against a team index on a real PostgreSQL server. */
class PgStoreWriterTest extends StoreWriterTest {

  @Override
  Database openStore() {
    return PgStores.freshWriter();
  }
}
