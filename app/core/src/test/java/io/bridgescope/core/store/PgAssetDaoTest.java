package io.bridgescope.core.store;

/** {@link AssetDaoTest} against a team index on a real PostgreSQL server. */
class PgAssetDaoTest extends AssetDaoTest {

  @Override
  Database openStore() {
    return PgStores.freshWriter();
  }
}
