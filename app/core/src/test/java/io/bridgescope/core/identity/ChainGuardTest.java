package io.bridgescope.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.FakeNode;
import io.bridgescope.core.chain.WrongChainException;
import io.bridgescope.core.chain.WrongChainException.Mismatch;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.BridgeContracts;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.ChainIdentityDao;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.store.rows.ChainPin;
import io.bridgescope.core.store.rows.Cursor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is read from, or written for, a node that is not the profile's (and database's) chain.
 */
@Timeout(60)
class ChainGuardTest {

  private static final Set<Address> ROOT_CONTRACTS =
      Set.of(Address.ofLow(0xa1), Address.ofLow(0xa2), Address.ofLow(0xa3), Address.ofLow(0xa4));
  private static final Set<Address> CHILD_CONTRACTS =
      Set.of(
          BridgeContracts.EDGE_STATE_RECEIVER,
          BridgeContracts.EDGE_L2_STATE_SENDER,
          BridgeContracts.EDGE_CHILD_ERC20_PREDICATE,
          BridgeContracts.EDGE_VALIDATOR_SET);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  /** The store under test; the PostgreSQL variant overrides this. */
  Database openStore() {
    return Database.open(dir.resolve("index.db"));
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private FakeNode node(long chainId, String genesis, Set<Address> code) throws Exception {
    FakeNode n = new FakeNode(chainId, 50, genesis, code);
    open.add(n);
    return n;
  }

  private static NetworkProfile profile(long rootId, FakeNode root, FakeNode child) {
    return NetworkProfile.builder()
        .name("mainnet-ish")
        .root(new ChainConfig(rootId, List.of(root.url()), 0))
        .child(new ChainConfig(100, List.of(child.url()), 0))
        .stateSender(Address.ofLow(0xa1))
        .checkpointManager(Address.ofLow(0xa2))
        .exitHelper(Address.ofLow(0xa3))
        .rootErc20Predicate(Address.ofLow(0xa4))
        .epochSize(10)
        .confirmations(1)
        .build();
  }

  private ChainClient client(FakeNode n) {
    ChainClient c = new ChainClient("root", n.url());
    open.add(c);
    return c;
  }

  @Test
  void aNodeOfAnotherChainIdIsRefusedNamingBothIdsAndTheNode() throws Exception {
    FakeNode root = node(31337, "a", ROOT_CONTRACTS);
    NetworkProfile p = profile(1, root, node(100, "c", CHILD_CONTRACTS));
    Database db = openStore();
    assertThatThrownBy(() -> new ChainGuard(p, ChainRole.ROOT, db).verify(client(root)))
        .isInstanceOfSatisfying(
            WrongChainException.class, e -> assertThat(e.mismatch()).isEqualTo(Mismatch.CHAIN_ID))
        .hasMessageContaining("'mainnet-ish'")
        .hasMessageContaining("reports chain id 31337")
        .hasMessageContaining("root chain id 1")
        .hasMessageContaining(root.url().toString());
  }

  @Test
  void aProfileContractWithoutCodeIsRefusedNamingIt() throws Exception {
    Set<Address> noExitHelper = new java.util.HashSet<>(ROOT_CONTRACTS);
    noExitHelper.remove(Address.ofLow(0xa3));
    FakeNode root = node(1, "a", noExitHelper);
    NetworkProfile p = profile(1, root, node(100, "c", CHILD_CONTRACTS));
    Database db = openStore();
    assertThatThrownBy(() -> new ChainGuard(p, ChainRole.ROOT, db).verify(client(root)))
        .isInstanceOfSatisfying(
            WrongChainException.class, e -> assertThat(e.mismatch()).isEqualTo(Mismatch.NO_CODE))
        .hasMessageContaining("exitHelper " + Address.ofLow(0xa3))
        .hasMessageContaining("holds no code on the root chain");
  }

  @Test
  void aDatabasePinnedToAnotherGenesisIsRefused() throws Exception {
    FakeNode first = node(1, "first devnet", ROOT_CONTRACTS);
    FakeNode child = node(100, "c", CHILD_CONTRACTS);
    Database db = openStore();
    NetworkProfile p = profile(1, first, child);
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        ChainReader r =
            ChainReader.of("root", List.of(first.url()), new ChainGuard(p, ChainRole.ROOT, db))) {
      new ChainGuard(p, ChainRole.ROOT, db).ensurePinned(r, w);
    }
    Optional<ChainPin> pin = db.read(c -> new ChainIdentityDao(c).get(ChainRole.ROOT));
    assertThat(pin).contains(new ChainPin(ChainRole.ROOT, 1, first.hashOf(0)));

    FakeNode restarted = node(1, "restarted devnet", ROOT_CONTRACTS);
    NetworkProfile again = profile(1, restarted, child);
    assertThatThrownBy(() -> new ChainGuard(again, ChainRole.ROOT, db).verify(client(restarted)))
        .isInstanceOfSatisfying(
            WrongChainException.class, e -> assertThat(e.mismatch()).isEqualTo(Mismatch.GENESIS))
        .hasMessageContaining("different root chain with the same id (restarted devnet or fork)")
        .hasMessageContaining("move/delete " + db.location())
        .hasMessageContaining("choose another network");
  }

  @Test
  void theIndexerRefusesAWrongChainBeforeWritingAnything() throws Exception {
    FakeNode root = node(31337, "a", ROOT_CONTRACTS);
    NetworkProfile p = profile(1, root, node(100, "c", CHILD_CONTRACTS));
    Database db = openStore();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofMillis(100))) {
      assertThatThrownBy(ix::connect).isInstanceOf(WrongChainException.class);
      assertThatThrownBy(ix::catchUp).isInstanceOf(WrongChainException.class);
    }
    for (ChainRole role : ChainRole.values()) {
      Optional<Cursor> cursor = db.read(c -> new CursorDao(c).get(role));
      Optional<ChainPin> pin = db.read(c -> new ChainIdentityDao(c).get(role));
      assertThat(cursor).as("%s cursor", role).isEmpty();
      assertThat(pin).as("%s pin", role).isEmpty();
    }
  }

  @Test
  void connectPinsBothChainsOfAGoodNetwork() throws Exception {
    FakeNode root = node(1, "a", ROOT_CONTRACTS);
    FakeNode child = node(100, "c", CHILD_CONTRACTS);
    NetworkProfile p = profile(1, root, child);
    Database db = openStore();
    try (StoreWriter w = new StoreWriter(db, Clock.systemUTC());
        Indexer ix = new Indexer(p, db, w, Duration.ofMillis(100))) {
      assertThat(ix.connect().values()).allMatch(java.util.Map::isEmpty);
    }
    Optional<ChainPin> pin = db.read(c -> new ChainIdentityDao(c).get(ChainRole.CHILD));
    assertThat(pin).contains(new ChainPin(ChainRole.CHILD, 100, child.hashOf(0)));
  }
}
