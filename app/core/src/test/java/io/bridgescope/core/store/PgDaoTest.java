package io.bridgescope.core.store;

/** {@link DaoTest} against a team index on a real PostgreSQL server. */
class PgDaoTest extends DaoTest {

  @Override
  Database openStore() {
    return PgStores.freshWriter();
  }
}
