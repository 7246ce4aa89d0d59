package io.bridgescope.cli;

import io.bridgescope.core.config.DataDir;
import io.bridgescope.core.model.Address;
import io.bridgescope.devnet.Devnet;
import io.bridgescope.devnet.DevnetConfig;
import io.bridgescope.devnet.DevnetHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A quiet devnet for a CLI wallet test (no demo traffic, no exit bot, a commitment each second,
 * epochs of 4 child blocks), a data directory holding its profile, and anvil account 6 imported as
 * key {@code me}: what the test sends, it sends itself.
 */
final class CliDevnet implements AutoCloseable {

  static final String MNEMONIC = "test test test test test test test test test test test junk";

  final Devnet devnet;
  final Path data;
  final Path passwordFile;
  final Address me;
  final Address owner;

  /** {@code --key me --yes --password-file …}, for a verb that signs. */
  final String key;

  private CliDevnet(Devnet devnet, Path data, Path passwordFile, Address me, Address owner) {
    this.devnet = devnet;
    this.data = data;
    this.passwordFile = passwordFile;
    this.me = me;
    this.owner = owner;
    this.key = "--key me --yes --password-file " + passwordFile;
  }

  static CliDevnet start(Path work) throws Exception {
    DevnetConfig cfg =
        DevnetConfig.defaults().toBuilder()
            .commitEvery(1)
            .commitInterval(Duration.ofSeconds(1))
            .epochSize(4)
            .trafficInterval(Duration.ZERO)
            .autoExit(false)
            .build();
    Devnet devnet =
        Devnet.start(
            cfg, DevnetHome.locate(), Files.createDirectories(work.resolve("devnet")), m -> {});
    try {
      Path data = work.resolve("data");
      new DataDir(data).saveProfile(devnet.profile().toBuilder().confirmations(0).build());
      Path pw = Files.writeString(work.resolve("pw.txt"), "cli-devnet-pw\n");
      Path words = Files.writeString(work.resolve("mnemonic.txt"), MNEMONIC + "\n");
      List<?> accounts = (List<?>) devnet.root().rpc("eth_accounts", List.of());
      NftCliDevnetTest.ok(
          data,
          "keys",
          "import",
          "me",
          "--mnemonic-file",
          words.toString(),
          "--path",
          "m/44'/60'/0'/0/6",
          "--password-file",
          pw.toString());
      return new CliDevnet(
          devnet,
          data,
          pw,
          Address.of(accounts.get(6).toString()),
          Address.of(accounts.get(0).toString()));
    } catch (Exception | AssertionError e) {
      devnet.close();
      throw e;
    }
  }

  @Override
  public void close() {
    devnet.close();
  }
}
