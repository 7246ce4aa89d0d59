package io.bridgescope.devnet.reliability;

import io.bridgescope.core.store.Database;
import org.junit.jupiter.api.Tag;

/**
 * {@link IndexerKillTest} on a team index: kill -9 of the PostgreSQL writer at random moments; the
 * killed session's writer lock is freed by the server, the next indexer takes it and the index
 * still equals the chains.
 */
@Tag("devnet")
class PgIndexerKillTest extends IndexerKillTest {

  private String url;

  @Override
  String store() {
    if (url == null) {
      url = DevnetPg.freshUrl();
    }
    return url;
  }

  @Override
  Database open(String store) {
    return DevnetPg.open(store);
  }

  @Override
  boolean exists(String store) {
    return true;
  }
}
