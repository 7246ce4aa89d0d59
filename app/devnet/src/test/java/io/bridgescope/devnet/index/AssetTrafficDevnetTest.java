package io.bridgescope.devnet.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet's own demo traffic moves every asset kind both ways, batches included, and the index
 * reads each message as the kind it is: executed deposits and paid-out exits of ERC-721, ERC-1155
 * and ERC-20 (root-native, and the child-native ERC-20, ERC-721 and ERC-1155 the other way round),
 * with no demo loop failing.
 */
@Tag("devnet")
class AssetTrafficDevnetTest {

  @TempDir Path work;

  @Test
  void demoTrafficCoversEveryKindInBothDirections() {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            .trafficInterval(Duration.ofMillis(200))
            .build();
    try (Devnet devnet = Devnet.start(cfg, DevnetHome.locate(), work, m -> {})) {
      NetworkProfile profile = devnet.profile().toBuilder().confirmations(0).build();
      Database db = Database.open(work.resolve("index.db"));
      try (StoreWriter writer = new StoreWriter(db, Clock.systemUTC());
          Indexer indexer = new Indexer(profile, db, writer, Duration.ofMillis(200))) {
        Set<String> want =
            Set.of(
                "to_child erc721 deposit ok",
                "to_child erc721 deposit_batch ok",
                "to_child erc1155 deposit ok",
                "to_child erc1155 deposit_batch ok",
                "to_child erc20 deposit ok",
                // (the demo leaves only some of its 18-decimals token's exits unclaimed, for the
                // wallet: every kind here is exited)
                "to_root erc721 withdraw ok",
                "to_root erc721 withdraw_batch ok",
                "to_root erc1155 withdraw_batch ok",
                "to_root erc20 withdraw ok",
                // the child-native ERC-20 (0x…1009): deposits leave the child, withdrawals return
                "to_root erc20 deposit ok",
                "to_child erc20 withdraw ok",
                // the child-native ERC-721 (0x…100a), single and batch
                "to_root erc721 deposit ok",
                "to_root erc721 deposit_batch ok",
                "to_child erc721 withdraw ok",
                "to_child erc721 withdraw_batch ok",
                // the child-native ERC-1155 (0x…100b), single and batch; "to_root erc1155
                // withdraw_batch ok" above is the root-native one (0x…1008)
                "to_root erc1155 deposit ok",
                "to_root erc1155 deposit_batch ok",
                "to_child erc1155 withdraw ok",
                "to_child erc1155 withdraw_batch ok");
        Set<String> last = new java.util.concurrent.ConcurrentSkipListSet<>();
        try {
          Awaitility.await("every kind moved both ways and completed")
              .atMost(Duration.ofSeconds(240))
              .pollInSameThread()
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> {
                    assertThat(devnet.status().health()).doesNotContain("retrying");
                    indexer.catchUp();
                    Set<String> seen = seen(db);
                    last.clear();
                    last.addAll(seen);
                    return seen.containsAll(want);
                  });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          Set<String> missing = new java.util.TreeSet<>(want);
          missing.removeAll(last);
          throw new AssertionError(
              "never completed: " + missing + "; devnet status: " + devnet.status().health(), e);
        }
      }
    }
  }

  /** "direction kind action ok" for every decoded transfer that completed on the other chain. */
  private static Set<String> seen(Database db) {
    return db.read(
        c -> {
          Set<String> out = new HashSet<>();
          String sql =
              "SELECT a.direction, a.asset_kind, a.action FROM asset_payloads a WHERE a.action"
                  + " IS NOT NULL AND ((a.direction = 'to_child' AND EXISTS (SELECT 1 FROM"
                  + " state_sync_results r WHERE r.id = a.id AND r.success = 1))"
                  + " OR (a.direction = 'to_root' AND EXISTS (SELECT 1 FROM exit_results r"
                  + " WHERE r.id = a.id AND r.success = 1)))";
          try (var st = c.createStatement();
              ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
              out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " ok");
            }
          }
          try (var st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT a.direction, a.asset_kind, a.action FROM asset_payloads a"
                          + " WHERE a.action IS NOT NULL")) {
            while (rs.next()) {
              out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " sent");
            }
          }
          return out;
        });
  }
}
