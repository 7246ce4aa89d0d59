package io.bridgescope.cli.wallet;

import io.bridgescope.cli.NetworkOption;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.identity.ChainGuard;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.StoreWriter;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.Wallet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * Options shared by the wallet verbs: {@code --network}, {@code --json}, {@code --data-dir} and
 * {@code --wait}; opens the key store, the network's database and a {@link Wallet}.
 */
public final class WalletOptions {

  @Option(
      names = {"-n", "--network"},
      defaultValue = "devnet",
      description = "Network name (a saved profile) or profile JSON file. Default: devnet.")
  String network;

  @Option(
      names = "--json",
      description = "Print one JSON document (shapes and errors documented in README.md).")
  boolean json;

  @Option(
      names = "--data-dir",
      description = "Data directory (default: $BRIDGESCOPE_DATA or ~/.local/share/bridgescope).")
  Path dataDir;

  @Option(
      names = "--allow-expensive-kdf",
      description =
          "Open keystore files whose scrypt/PBKDF2 cost is above the safe cap (scrypt n > 2^20,"
              + " PBKDF2 c > 10,000,000). Only for files you trust: it can take minutes.")
  boolean allowExpensiveKdf;

  @Option(
      names = "--wait",
      defaultValue = "120",
      description = "Seconds to wait for each transaction to be mined. Default: 120.")
  long waitSeconds;

  DataDir dataDir() {
    return dataDir == null ? DataDir.standard() : new DataDir(dataDir);
  }

  Keystore keystore() {
    Keystore ks = Keystore.inDataDirectory(dataDir().root());
    return allowExpensiveKdf ? ks.allowingExpensiveKdf() : ks;
  }

  NetworkProfile profile() {
    return NetworkOption.load(dataDir(), network);
  }

  Duration timeout() {
    return Duration.ofSeconds(waitSeconds);
  }

  /** The network's wallet; close it to release the database and the RPC clients. */
  Session open() throws java.io.IOException {
    NetworkProfile p = profile();
    Path file = dataDir().database(p.name());
    Files.createDirectories(file.getParent());
    Database db = Database.open(file);
    StoreWriter w = new StoreWriter(db, Clock.systemUTC());
    ChainClient root = new ChainClient("root", p.root().primaryRpcUrl());
    ChainClient child = new ChainClient("child", p.child().primaryRpcUrl());
    try {
      ChainGuard.refuseOtherChain(p, db, root, child);
    } catch (RuntimeException e) {
      root.close();
      child.close();
      w.close();
      throw e;
    }
    // A profile naming its team index: messages and proofs come from it, the journal stays local.
    Database index;
    try {
      index = Objects.requireNonNullElse(NetworkOption.openTeamReader(dataDir(), p, null), db);
    } catch (RuntimeException e) {
      root.close();
      child.close();
      w.close();
      throw e;
    }
    Wallet wallet = new Wallet(p, index, db, w, keystore(), root, child, Clock.systemUTC());
    return new Session(p, wallet, w, root, child);
  }

  /** An open wallet. */
  record Session(
      NetworkProfile profile,
      Wallet wallet,
      StoreWriter writer,
      ChainClient root,
      ChainClient child)
      implements AutoCloseable {
    @Override
    public void close() {
      root.close();
      child.close();
      writer.close();
    }
  }
}
