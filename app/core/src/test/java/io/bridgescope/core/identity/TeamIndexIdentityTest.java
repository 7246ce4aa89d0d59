package io.bridgescope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.PgTarget;
import io.bridgescope.core.store.StoreException;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.pg.EmbeddedPg;
import io.bridgescope.core.store.rows.ChainPin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader of a team index on a real PostgreSQL server refuses another network's index: the chain
 * ids its indexer pinned against the profile's, the genesis hashes against the local index's pins.
 */
@Timeout(120)
class TeamIndexIdentityTest {

  private static final Hash32 ROOT_GENESIS = hash(0x11);
  private static final Hash32 CHILD_GENESIS = hash(0x22);

  @TempDir Path dir;

  private static Hash32 hash(int b) {
    byte[] h = new byte[32];
    java.util.Arrays.fill(h, (byte) b);
    return new Hash32(h);
  }

  private static NetworkProfile profile(long rootId, long childId) {
    return NetworkProfile.builder()
        .name("team-net")
        .root(new ChainConfig(rootId, List.of(URI.create("http://127.0.0.1:1")), 0))
        .child(new ChainConfig(childId, List.of(URI.create("http://127.0.0.1:2")), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  /** A team index pinned as its indexer pins it, and a read-only reader of it. */
  private static Database teamIndex(ChainPin... pins) {
    String name = EmbeddedPg.freshDatabase();
    PgTarget t = PgTarget.parse(EmbeddedPg.url(name) + "?user=postgres", Map.of());
    pin(Database.openPostgres(t, Map.of(), true, false), pins);
    return Database.openPostgres(t, Map.of(), false, false);
  }

  private static void pin(Database db, ChainPin... pins) {
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC())) {
      for (ChainPin p : pins) {
        w.call(c -> new ChainIdentityDao(c).pinIfAbsent(p, Instant.EPOCH)).join();
      }
    }
  }

  private Database local(ChainPin... pins) {
    Database db = Database.open(dir.resolve("local.db"));
    pin(db, pins);
    return db;
  }

  @Test
  void theIndexOfTheProfilesChainsIsRead() {
    Database team =
        teamIndex(
            new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS),
            new ChainPin(ChainRole.CHILD, 100, CHILD_GENESIS));
    Database local =
        local(
            new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS),
            new ChainPin(ChainRole.CHILD, 100, CHILD_GENESIS));
    assertThatCode(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, local))
        .doesNotThrowAnyException();
    assertThatCode(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, null))
        .doesNotThrowAnyException();
  }

  @Test
  void aNewIndexWithNoPinsYetIsReadAsEmpty() {
    Database team = teamIndex();
    Database local = local(new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS));
    assertThatCode(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, local))
        .doesNotThrowAnyException();
    assertThat(team.schemaVersion()).isPositive();
  }

  @Test
  void anotherChildChainIdIsRefusedNamingBothChainsAndWhatToDo() {
    Database team =
        teamIndex(
            new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS),
            new ChainPin(ChainRole.CHILD, 200, CHILD_GENESIS));
    assertThatThrownBy(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OTHER_NETWORK))
        .hasMessageContaining(team.location())
        .hasMessageContaining("child chain is chain id 200")
        .hasMessageContaining("network 'team-net' has child chain id 100")
        .hasMessageContaining("--db");
  }

  @Test
  void anotherRootChainIdIsRefusedEvenWhenOnlyTheRootIsPinned() {
    Database team = teamIndex(new ChainPin(ChainRole.ROOT, 5, ROOT_GENESIS));
    assertThatThrownBy(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, null))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OTHER_NETWORK))
        .hasMessageContaining("root chain is chain id 5")
        .hasMessageContaining("root chain id 1337");
  }

  @Test
  void aRestartedChainWithTheSameIdIsRefusedByTheLocalIndexsGenesis() {
    Database team =
        teamIndex(
            new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS),
            new ChainPin(ChainRole.CHILD, 100, hash(0x33)));
    Database local =
        local(
            new ChainPin(ChainRole.ROOT, 1337, ROOT_GENESIS),
            new ChainPin(ChainRole.CHILD, 100, CHILD_GENESIS));
    assertThatThrownBy(() -> TeamIndexIdentity.requireSameNetwork(profile(1337, 100), team, local))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OTHER_NETWORK))
        .hasMessageContaining("child chain with the same chain id 100")
        .hasMessageContaining(hash(0x33).toString())
        .hasMessageContaining(CHILD_GENESIS.toString())
        .hasMessageContaining(local.location())
        .hasMessageContaining("move the local index aside");
  }
}
