package io.bridgescope.desktop.wallet;

import static org.awaitility.Awaitility.await;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.abi.AbiValue;
import io.bridgescope.core.asset.AssetCalls;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.lifecycle.DepositStatus;
import io.bridgescope.core.lifecycle.ExitStatus;
import io.bridgescope.core.lifecycle.Stage;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.ScryptParams;
import io.bridgescope.desktop.engine.Session;
import io.bridgescope.desktop.engine.SessionManager;
import io.bridgescope.desktop.testing.Fx;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetAssets;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * One real devnet (demo traffic on, every fourth exit left unclaimed), indexed by a session that
 * owns it, and a wallet port over it with a light-scrypt key store; for one test class.
 */
final class WalletDevnet implements AutoCloseable {

  /** anvil's public development mnemonic (test material only). */
  private static final String MNEMONIC =
      "test test test test test test test test test test test junk";

  final Devnet devnet;
  final Session session;
  final SessionManager sessions;
  final SessionWallet port;

  WalletDevnet() throws Exception {
    this(DevnetConfig.defaults());
  }

  /** With {@code config}, e.g. no exit bot so every withdrawal stays for the wallet to claim. */
  WalletDevnet(DevnetConfig config) throws Exception {
    Path work = Files.createTempDirectory("bs-wallet-gui-");
    devnet = Devnet.start(config, DevnetHome.locate(), work.resolve("chains"), m -> {});
    DataDir data = new DataDir(work.resolve("data"));
    Path db = data.database(devnet.profile().name());
    Files.createDirectories(db.getParent());
    session =
        Session.open(
            devnet.profile(), SessionManager.DEVNET_LABEL, Database.open(db), Optional.of(devnet));
    sessions = SessionManager.of(data, session);
    port =
        new SessionWallet(
            sessions,
            new Keystore(work.resolve("keystore"), ScryptParams.lightForTests()),
            Duration.ofSeconds(90),
            Clock.systemUTC());
  }

  /**
   * A checkpointed withdrawal of the demo's 18-decimals token that the demo left unclaimed (id
   * divisible by 4). The demo's 6-decimals token withdraws through the same predicate, so its exits
   * decode as ERC-20 withdrawals too; a test that reads the demo token's balance must not get one.
   */
  ExitStatus awaitUnclaimedCheckpointedExit() {
    return await("a checkpointed exit the demo left unclaimed")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                session.lifecycle().exits(Optional.empty(), 500).stream()
                    .filter(
                        s ->
                            s.stage() == Stage.CHECKPOINTED
                                && s.exit().id().mod(BigInteger.valueOf(4)).signum() == 0
                                && s.exit()
                                    .withdrawal()
                                    .filter(
                                        w -> w.rootToken().equals(devnet.contracts().rootToken()))
                                    .isPresent())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** The private key (64 hex digits) of the anvil account at {@code a}. */
  String privateKeyOf(Address a) {
    List<?> accounts = (List<?>) devnet.root().rpc("eth_accounts", List.of());
    for (int i = 0; i < accounts.size(); i++) {
      if (Address.of(accounts.get(i).toString()).equals(a)) {
        byte[] seed = MnemonicUtils.generateSeed(MNEMONIC, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int h = Bip32ECKeyPair.HARDENED_BIT;
        Bip32ECKeyPair k =
            Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 60 | h, h, 0, i});
        String hex = k.getPrivateKey().toString(16);
        return "0".repeat(64 - hex.length()) + hex;
      }
    }
    throw new IllegalArgumentException(a + " is not an anvil development account");
  }

  /**
   * Imports the anvil key of {@code who} as {@code name} (unless the store has a key of it) and
   * selects it on {@code wallet}'s key list once listed there, as a user would before a send.
   */
  void useKey(WalletViewModel wallet, Address who, String name, String password) {
    if (port.keys().stream().noneMatch(k -> k.address().equals(who))) {
      port.importPrivateKey(name, privateKeyOf(who).toCharArray(), password.toCharArray());
    }
    Fx.run(() -> wallet.keyStore().refreshKeys());
    Fx.waitUntil(
        () ->
            Fx.call(
                () -> wallet.keyStore().keys().stream().anyMatch(k -> k.address().equals(who))));
    Fx.run(
        () ->
            wallet
                .keyStore()
                .selectedProperty()
                .set(
                    wallet.keyStore().keys().stream()
                        .filter(k -> k.address().equals(who))
                        .findFirst()
                        .orElseThrow()));
  }

  /** The root token balance of {@code a} after block {@code block} (root mines one tx a block). */
  BigInteger rootTokenBalanceAt(Address a, long block) {
    byte[] r =
        devnet
            .root()
            .call(
                null,
                devnet.contracts().rootToken(),
                BridgeAbi.balanceOf(a),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
    return new AbiReader(r).uint("balance", 0);
  }

  long rootBlockOf(String txHash) {
    return devnet.root().receipt(Hash32.of(txHash)).orElseThrow().getBlockNumber().longValueExact();
  }

  /** A committed deposit that arrived after the relayer was paused (so nobody executes it). */
  DepositStatus awaitCommittedDepositAfterPausingTheRelayer() {
    devnet.setRelayerPaused(true);
    BigInteger after =
        session.lifecycle().deposits(Optional.empty(), 1).stream()
            .map(d -> d.deposit().id())
            .findFirst()
            .orElse(BigInteger.ZERO);
    return await("a deposit committed after pausing the relayer")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                session.lifecycle().deposits(Optional.empty(), 100).stream()
                    .filter(
                        d ->
                            d.deposit().id().compareTo(after) > 0
                                && d.status().stage() == Stage.COMMITTED
                                && d.deposit().deposit().isPresent())
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** anvil development account {@code i} (6 is one the demo traffic never uses). */
  Address account(int i) {
    return Address.of(((List<?>) devnet.root().rpc("eth_accounts", List.of())).get(i).toString());
  }

  /** Mints ERC-721 {@code id} of the devnet's root NFT to {@code to} (account 0 owns the token). */
  void mintRootNft(Address to, BigInteger id) {
    byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(id));
    Hash32 tx = devnet.root().sendUnlocked(account(0), devnet.assets().nft(), mint, null, null);
    devnet.root().awaitReceipt(tx, Duration.ofSeconds(60));
  }

  /** Mints {@code amount} of the child-native demo ERC-20 to {@code to} (account 0 mints it). */
  void mintChildNative(Address to, BigInteger amount) {
    byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(amount));
    Hash32 tx =
        devnet.child().sendUnlocked(account(0), devnet.assets().childNative(), mint, null, null);
    devnet.child().awaitReceipt(tx, Duration.ofSeconds(60));
  }

  /**
   * Maps the child-native demo ERC-20 on the child's RootMintableERC20Predicate, sent by {@code
   * from} unless it is mapped already (the demo traffic maps it too; if it wins the race, ours
   * reverts), and waits until the predicate names its root mirror.
   */
  void mapChildNative(Address from) {
    if (!childNativeMapped()) {
      byte[] map = Abi.call("mapToken(address)", AbiValue.address(devnet.assets().childNative()));
      Hash32 tx =
          devnet
              .child()
              .sendUnlocked(from, DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE, map, null, null);
      devnet.child().awaitReceipt(tx, Duration.ofSeconds(60));
    }
    await("the child-native token mapped on the child")
        .atMost(Duration.ofSeconds(60))
        .until(this::childNativeMapped);
  }

  private boolean childNativeMapped() {
    byte[] r =
        devnet
            .child()
            .call(
                DevnetAssets.ROOT_MINTABLE_ERC20_PREDICATE,
                Abi.call(
                    "rootTokenToChildToken(address)",
                    AbiValue.address(devnet.assets().childNative())));
    return !new AbiReader(r).address("rootTokenToChildToken", 0).equals(Address.ZERO);
  }

  /** Mints ERC-721 {@code id} of the child-native demo NFT to {@code to} (account 0 mints it). */
  void mintChildNativeNft(Address to, BigInteger id) {
    byte[] mint = Abi.call("mint(address,uint256)", AbiValue.address(to), AbiValue.uint(id));
    Hash32 tx =
        devnet.child().sendUnlocked(account(0), devnet.assets().childNativeNft(), mint, null, null);
    devnet.child().awaitReceipt(tx, Duration.ofSeconds(60));
  }

  /** The owner of {@code id} of the child-native demo NFT on the child. */
  Address childNativeNftOwner(BigInteger id) {
    return ownerOf(devnet.child(), devnet.assets().childNativeNft(), id);
  }

  /** The child-native demo ERC-20 balance of {@code who} on the child. */
  BigInteger childNativeBalance(Address who) {
    byte[] r = devnet.child().call(devnet.assets().childNative(), BridgeAbi.balanceOf(who));
    return new AbiReader(r).uint("balance", 0);
  }

  /** The owner of the root NFT {@code id}. */
  Address rootNftOwner(BigInteger id) {
    return ownerOf(devnet.root(), devnet.assets().nft(), id);
  }

  /** The child clone of the root NFT, once its mapping was executed (else the zero address). */
  Address childNft() {
    byte[] r =
        devnet
            .root()
            .call(
                devnet.assets().rootErc721Predicate(),
                Abi.call(
                    "rootTokenToChildToken(address)", AbiValue.address(devnet.assets().nft())));
    return new AbiReader(r).address("rootTokenToChildToken", 0);
  }

  /** The owner of {@code id} of the child clone; the zero address when none (not minted, burnt). */
  Address childNftOwner(BigInteger id) {
    return ownerOf(devnet.child(), childNft(), id);
  }

  private static Address ownerOf(ChainClient c, Address token, BigInteger id) {
    try {
      byte[] r = c.call(token, AssetCalls.ownerOf(id));
      return r.length == 0 ? Address.ZERO : new AbiReader(r).address("ownerOf", 0);
    } catch (ChainException e) {
      return Address.ZERO; // reverts: not minted there, or burnt
    }
  }

  /** ExitHelper's {@code processedExits(id)} on the root chain. */
  boolean exitProcessed(BigInteger id) {
    byte[] r =
        devnet
            .root()
            .call(
                devnet.contracts().exitHelper(), BridgeAbi.uintView("processedExits(uint256)", id));
    return new AbiReader(r).uint("processed", 0).signum() != 0;
  }

  boolean stateSyncProcessed(BigInteger id) {
    byte[] r =
        devnet
            .child()
            .call(
                devnet.contracts().stateReceiver(),
                BridgeAbi.uintView("processedStateSyncs(uint256)", id));
    return new AbiReader(r).uint("processed", 0).signum() != 0;
  }

  @Override
  public void close() {
    port.close();
    session.close();
  }
}
