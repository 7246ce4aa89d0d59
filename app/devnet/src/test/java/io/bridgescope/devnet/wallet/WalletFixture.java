package io.bridgescope.devnet.wallet;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.index.Indexer;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.Review;
import io.bridgescope.core.wallet.ScryptParams;
import io.bridgescope.core.wallet.Wallet;
import io.bridgescope.core.wallet.WalletException;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import io.bridgescope.devnet.reliability.DevnetPg;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * One devnet with an index, a key store and a wallet, shared by the tests of a class. The index is
 * a SQLite file that also holds the wallet's journal, or (team) a team index on PostgreSQL that the
 * wallet reads read-only while it journals into a SQLite file of its own.
 */
final class WalletFixture implements AutoCloseable {

  static final String MNEMONIC = "test test test test test test test test test test test junk";
  static final String PATH_6 = "m/44'/60'/0'/0/6";
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  final Devnet devnet;
  final NetworkProfile profile;

  /** The index, written by {@link #indexer}. */
  final Database db;

  final StoreWriter writer;
  final Indexer indexer;

  /** The wallet's journal: {@link #db} itself, or a SQLite file beside a team index. */
  final Database journalDb;

  final StoreWriter journalWriter;
  final Keystore keys;
  final Wallet wallet;

  WalletFixture(Path work, boolean relayerPaused) {
    this(work, relayerPaused, false);
  }

  WalletFixture(Path work, boolean relayerPaused, boolean team) {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            .trafficInterval(Duration.ZERO)
            .autoExit(false)
            .relayerPaused(relayerPaused)
            .build();
    devnet = Devnet.start(cfg, DevnetHome.locate(), work, m -> {});
    profile = devnet.profile().toBuilder().confirmations(0).build();
    keys = new Keystore(work.resolve("keystore"), ScryptParams.lightForTests());
    String teamUrl = team ? DevnetPg.freshUrl() : null;
    db = teamUrl != null ? DevnetPg.open(teamUrl) : Database.open(work.resolve("index.db"));
    writer = new StoreWriter(db, Clock.systemUTC());
    indexer = new Indexer(profile, db, writer, Duration.ofMillis(200));
    if (teamUrl != null) {
      journalDb = Database.open(work.resolve("wallet.db"));
      journalWriter = new StoreWriter(journalDb, Clock.systemUTC());
    } else {
      journalDb = db;
      journalWriter = writer;
    }
    Database index = teamUrl != null ? DevnetPg.openReader(teamUrl) : db;
    wallet =
        new Wallet(
            profile,
            index,
            journalDb,
            journalWriter,
            keys,
            devnet.root(),
            devnet.child(),
            Clock.systemUTC());
  }

  /** anvil development account {@code i} (same on both chains). */
  Address account(int i) {
    List<?> l = (List<?>) devnet.root().rpc("eth_accounts", List.of());
    return Address.of(l.get(i).toString());
  }

  /** The private key of anvil account {@code i} as 64 hex digits (test material only). */
  static String privateKeyHex(int i) {
    byte[] seed = MnemonicUtils.generateSeed(MNEMONIC, "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    int h = Bip32ECKeyPair.HARDENED_BIT;
    Bip32ECKeyPair k = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 60 | h, h, 0, i});
    String hex = k.getPrivateKey().toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }

  void mintRootTokens(Address to, BigInteger amount) {
    byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(amount));
    var tx =
        devnet.root().sendUnlocked(account(0), devnet.contracts().rootToken(), mint, null, null);
    devnet.root().awaitReceipt(tx, Duration.ofSeconds(30));
  }

  BigInteger rootTokenBalance(Address a) {
    return balance(devnet.root(), devnet.contracts().rootToken(), a);
  }

  BigInteger childTokenBalance(Address a) {
    return balance(devnet.child(), devnet.contracts().childToken(), a);
  }

  private static BigInteger balance(ChainClient c, Address token, Address a) {
    byte[] r = c.call(token, BridgeAbi.balanceOf(a));
    // a child token is a clone that exists only once its mapping was executed on the child
    return r.length == 0 ? BigInteger.ZERO : new AbiReader(r).uint("balance", 0);
  }

  /** Indexes and retries {@code prepare} while it says NOT_READY, up to {@code timeout}. */
  Review whenReady(Supplier<Review> prepare, Duration timeout) {
    AtomicReference<Review> review = new AtomicReference<>();
    try {
      Awaitility.await("the wallet ready to prepare")
          .atMost(timeout)
          .pollInSameThread() // indexes into this fixture's database: never from a second thread
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                indexer.catchUp();
                try {
                  review.set(prepare.get());
                  return true;
                } catch (WalletException e) {
                  if (e.kind() != WalletException.Kind.NOT_READY) {
                    throw e;
                  }
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      indexer.catchUp();
      return prepare.get(); // still not ready: fails with the wallet's own NOT_READY reason
    }
    return review.get();
  }

  void await(Supplier<Boolean> cond, Duration timeout, String what) {
    Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(cond::get);
  }

  @Override
  public void close() {
    indexer.close();
    writer.close();
    if (journalWriter != writer) {
      journalWriter.close();
    }
    devnet.close();
  }
}
