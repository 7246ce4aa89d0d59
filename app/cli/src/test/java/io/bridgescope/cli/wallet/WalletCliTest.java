package io.bridgescope.cli.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgescope.cli.Main;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.TxFiles;
import io.bridgescope.core.wallet.UnsignedTx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and air-gapped verbs, offline: no node is running for any of these. */
class WalletCliTest {

  static final String KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final Address ADDRESS = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  static final String PASSWORD = "cli-test-password-1";

  @TempDir Path dir;

  record Run(int code, String out) {}

  Run run(String... args) {
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
      all[args.length + 1] = dir.resolve("data").toString();
      int code = Main.run(all);
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void keysImportListRenameExportDeleteAndOfflineSigning() throws Exception {
    Path pw = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");
    Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY + "\n");

    Run imported =
        run(
            "keys",
            "import",
            "alice",
            "--key-file",
            keyFile.toString(),
            "--password-file",
            pw.toString());
    assertThat(imported.code()).as(imported.out()).isZero();
    assertThat(imported.out()).contains("imported key 'alice' " + ADDRESS);

    Run dup =
        run(
            "keys",
            "import",
            "again",
            "--key-file",
            keyFile.toString(),
            "--password-file",
            pw.toString());
    assertThat(dup.code()).isEqualTo(1);
    assertThat(dup.out()).contains("already in the key store as 'alice'");

    assertThat(run("keys", "rename", "alice", "bob").out()).contains("renamed key 'bob'");
    Run list = run("keys", "list", "--json");
    assertThat(list.out()).contains("\"name\" : \"bob\"").contains(ADDRESS.toString());

    // offline signing checks the file against the network's profile: it must be on this machine
    AirGapCliTest.saveProfile(dir.resolve("data"));
    Path unsigned = dir.resolve("unsigned.json");
    UnsignedTx tx = AirGapCliTest.exitTx();
    TxFiles.writeUnsigned("devnet", tx, AirGapCliTest.snapshot(), unsigned);
    Path signed = dir.resolve("signed.json");
    Run sign =
        run(
            "tx",
            "sign",
            "--file",
            unsigned.toString(),
            "--key",
            "bob",
            "--out",
            signed.toString(),
            "--password-file",
            pw.toString());
    assertThat(sign.code()).as(sign.out()).isZero();
    TxFiles.Signed back = TxFiles.readSigned(signed);
    assertThat(back.tx().tx()).isEqualTo(tx);
    assertThat(sign.out()).contains(back.tx().hash().toString());

    Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not-the-password\n");
    Run bad =
        run(
            "tx",
            "sign",
            "--file",
            unsigned.toString(),
            "--key",
            "bob",
            "--out",
            dir.resolve("x.json").toString(),
            "--password-file",
            wrong.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("wrong password for key 'bob' (0x7099");
    assertThat(Files.exists(dir.resolve("x.json"))).isFalse();

    Path backup = dir.resolve("backup.json");
    assertThat(run("keys", "export", "bob", backup.toString()).code()).isZero();
    assertThat(Files.readString(backup)).contains("\"version\":3").contains("scrypt");
    assertThat(run("keys", "delete", "bob").code()).isEqualTo(2);
    assertThat(run("keys", "delete", "bob", "--yes").out()).contains("deleted key 'bob'");
    assertThat(run("keys", "list").out()).contains("no keys");
    Run restored =
        run(
            "keys",
            "import",
            "carol",
            "--keystore",
            backup.toString(),
            "--password-file",
            pw.toString());
    assertThat(restored.out()).contains("imported key 'carol' " + ADDRESS);

    for (Run r : new Run[] {imported, dup, list, sign, bad, restored}) {
      assertThat(r.out()).doesNotContain(PASSWORD).doesNotContain(KEY);
    }
  }

  @Test
  void sendingVerbsExplainWhatIsMissing() {
    Run r = run("exit", "12");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("no profile");
    Run k = run("keys", "import", "x", "--password-file", "nofile");
    assertThat(k.out()).contains("say what to import");
  }
}
