package io.bridgescope.cli.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.cli.Main;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainConfig;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.network.NetworkProfileJson;
import io.bridgescope.core.wallet.KeyInfo;
import io.bridgescope.core.wallet.Keystore;
import io.bridgescope.core.wallet.ScryptParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 5, through the CLI: passwords from files, KDF caps, export, burning. */
class KeyLimitsCliTest {

  static final String PASSWORD = WalletCliTest.PASSWORD;
  static final String ZERO = "0x0000000000000000000000000000000000000000";

  @TempDir Path dir;

  WalletCliTest.Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(p);
    System.setErr(p);
    try {
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data-dir";
      all[args.length + 1] = data().toString();
      return new WalletCliTest.Run(Main.run(all), buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  Path data() {
    return dir.resolve("data");
  }

  /** A key put straight into the data directory's store, cheaply (light scrypt). */
  KeyInfo lightKey() {
    return new Keystore(data().resolve("keystore"), ScryptParams.lightForTests())
        .importPrivateKey("alice", WalletCliTest.KEY.toCharArray(), PASSWORD.toCharArray());
  }

  @Test
  void anEmptyOrShortPasswordFileMakesNoKey() throws Exception {
    Path key = Files.writeString(dir.resolve("key.txt"), WalletCliTest.KEY + "\n");
    for (String pw : new String[] {"", "\n", "1234567\n"}) {
      Path file = Files.writeString(dir.resolve("pw.txt"), pw);
      WalletCliTest.Run r =
          run(
              "keys",
              "import",
              "alice",
              "--key-file",
              key.toString(),
              "--password-file",
              file.toString());
      assertThat(r.code()).as(pw).isEqualTo(1);
      assertThat(r.out()).contains("too short").contains("at least 8 characters");
      WalletCliTest.Run created = run("keys", "create", "bob", "--password-file", file.toString());
      assertThat(created.code()).isEqualTo(1);
    }
    assertThat(run("keys", "list").out()).contains("no keys");
  }

  @Test
  void aKeystoreAskingForScryptAbove2To20IsRefusedNamingTheOverride() throws Exception {
    Keystore scratch = new Keystore(dir.resolve("scratch"), ScryptParams.lightForTests());
    KeyInfo k =
        scratch.importPrivateKey("x", WalletCliTest.KEY.toCharArray(), PASSWORD.toCharArray());
    Path hostile = dir.resolve("hostile.json");
    Files.writeString(hostile, Files.readString(k.file()).replace("\"n\":256", "\"n\":2097152"));
    Path pw = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");

    WalletCliTest.Run r =
        run(
            "keys",
            "import",
            "h",
            "--keystore",
            hostile.toString(),
            "--password-file",
            pw.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("scrypt n = 2097152 (2^21) is above the cap")
        .contains("--allow-expensive-kdf")
        .doesNotContain("Exception");

    Files.writeString(hostile, Files.readString(k.file()).replace("\"dklen\":32", "\"dklen\":1"));
    WalletCliTest.Run bad =
        run(
            "keys",
            "import",
            "h",
            "--keystore",
            hostile.toString(),
            "--password-file",
            pw.toString());
    assertThat(bad.out()).contains("dklen = 1").doesNotContain("Exception");
  }

  @Test
  void exportRefusesAKeyThatListShowsAsAProblem() throws Exception {
    KeyInfo k = lightKey();
    Files.writeString(k.file(), Files.readString(k.file()).replace("\"dklen\":32", "\"dklen\":16"));
    assertThat(run("keys", "list").out()).contains("PROBLEM").contains("dklen = 16");

    Path out = dir.resolve("backup.json");
    WalletCliTest.Run refused = run("keys", "export", "alice", out.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("nothing was exported").contains("--force");
    assertThat(out).doesNotExist();

    assertThat(run("keys", "export", "alice", out.toString(), "--force").code()).isZero();
    assertThat(out).exists();
  }

  @Test
  void withdrawingOrDepositingToTheZeroAddressIsRefusedBeforeAnyNodeIsAsked() throws Exception {
    lightKey();
    // The nodes are dead: the refusal must come before any RPC.
    URI dead = URI.create("http://127.0.0.1:9");
    NetworkProfile p =
        NetworkProfile.builder()
            .name("burn-test")
            .root(new ChainConfig(1, List.of(dead), 0))
            .child(new ChainConfig(2, List.of(dead), 0))
            .stateSender(Address.ofLow(0xa1))
            .checkpointManager(Address.ofLow(0xa2))
            .exitHelper(Address.ofLow(0xa3))
            .rootErc20Predicate(Address.ofLow(0xa4))
            .epochSize(10)
            .confirmations(0)
            .build();
    Path profile = dir.resolve("burn-test.json");
    NetworkProfileJson.write(p, profile);
    String token = Address.ofLow(0xbeef).toString();

    // a child-native NFT to the zero address is refused before the planner asks the dead nodes
    String[][] fromChild = {
      {"deposit", "--key", "alice", "--dry-run"},
      {"tx", "export-deposit", "--from", token, "--out", dir.resolve("x.json").toString()}
    };
    for (String[] verb : fromChild) {
      List<String> args = new java.util.ArrayList<>(List.of(verb));
      args.addAll(
          List.of(
              "--network",
              profile.toString(),
              "--from-child",
              "--erc721",
              token,
              "--id",
              "1",
              "--to",
              ZERO));
      WalletCliTest.Run r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(verb[0]).isEqualTo(1);
      assertThat(r.out())
          .contains("the receiver is the zero address")
          .contains("nothing was signed")
          .doesNotContain("could not be asked");
    }

    for (String verb : new String[] {"withdraw", "deposit"}) {
      WalletCliTest.Run r =
          run(
              verb,
              "--network",
              profile.toString(),
              "--key",
              "alice",
              "--token",
              token,
              "--amount",
              "1",
              "--to",
              ZERO,
              "--dry-run");
      assertThat(r.code()).as(verb).isEqualTo(1);
      assertThat(r.out())
          .contains("the receiver is the zero address")
          .contains("nothing was signed")
          .contains("--allow-burn")
          .doesNotContain("could not be asked");
    }
  }
}
