package io.bridgescope.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.asset.AssetKind;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.stats.BridgeStats;
import io.bridgescope.core.stats.MessageFilter;
import io.bridgescope.core.stats.MessageQuery;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The desktop's chart and list queries run on a team index too: PostgreSQL refuses at planning what
 * SQLite lets pass (a selected column not grouped), so each query and each filter is run once on a
 * real server (empty tables are enough for the planner to check them).
 */
class PgStatsQueriesTest {

  @Test
  void everyChartAndListQueryIsValidPostgresql() {
    Database db = PgStores.freshWriter();
    db.read(
        c -> {
          BridgeStats s = new BridgeStats(c);
          assertThat(s.activity().buckets()).isNotNull();
          assertThat(s.commitmentLatency(10)).isEmpty();
          assertThat(s.checkpointLatency(10)).isEmpty();
          for (MessageQuery.Kind k : MessageQuery.Kind.values()) {
            for (MessageFilter f : filters()) {
              for (MessageFilter.Order o : MessageFilter.Order.values()) {
                MessageFilter g = f.withOrder(o);
                assertThat(MessageQuery.page(c, k, g, Optional.empty(), 50)).isEmpty();
                assertThat(
                        MessageQuery.page(
                            c,
                            k,
                            g,
                            Optional.of(new MessageQuery.Hit(java.math.BigInteger.TEN, 5)),
                            50))
                    .isEmpty();
                assertThat(MessageQuery.count(c, k, g)).isZero();
              }
            }
          }
          return null;
        });
  }

  private static java.util.List<MessageFilter> filters() {
    Address a = Address.ofLow(0xabc);
    java.util.List<MessageFilter> out = new java.util.ArrayList<>();
    out.add(MessageFilter.NONE);
    out.add(MessageFilter.NONE.withAddress(Optional.of(a)));
    out.add(MessageFilter.NONE.withToken(Optional.of(a)));
    out.add(MessageFilter.NONE.withKind(Optional.of(AssetKind.ERC721)));
    out.add(
        MessageFilter.NONE.withTime(
            Optional.of(Instant.ofEpochSecond(1)), Optional.of(Instant.ofEpochSecond(2))));
    for (Stage st : Stage.values()) {
      out.add(MessageFilter.NONE.withStage(Optional.of(st)));
    }
    out.add(
        MessageFilter.NONE
            .withAddress(Optional.of(a))
            .withToken(Optional.of(a))
            .withKind(Optional.of(AssetKind.ERC20))
            .withStage(Optional.of(Stage.values()[0])));
    return out;
  }
}
