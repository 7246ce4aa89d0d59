package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeystoreException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {

  /** anvil's account 0: the well-known development key of "test test … junk". */
  static final String ANVIL_KEY =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  static final Address ANVIL_ADDRESS = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  static final String ANVIL_MNEMONIC =
      "test test test test test test test test test test test junk";

  @TempDir Path dir;

  Keystore store() {
    return new Keystore(dir.resolve("keystore"), ScryptParams.lightForTests());
  }

  @Test
  void createdKeyUnlocksWithItsPasswordAndZeroesThePassword() {
    Keystore ks = store();
    char[] pw = "correct horse".toCharArray();
    KeyInfo k = ks.create("alice", pw);
    assertThat(pw).containsOnly('\0');
    try (KeySession s = ks.unlock("alice", "correct horse".toCharArray())) {
      assertThat(s.address()).isEqualTo(k.address());
    }
    assertThat(ks.list()).extracting(KeyInfo::name).containsExactly("alice");
    assertThat(k.problem()).isEmpty();
  }

  @Test
  void privateKeyAndMnemonicImportsGiveTheKnownAddress() {
    Keystore ks = store();
    char[] key = ("0x" + ANVIL_KEY).toCharArray();
    assertThat(ks.importPrivateKey("raw", key, "pw".toCharArray()).address())
        .isEqualTo(ANVIL_ADDRESS);
    assertThat(key).containsOnly('\0');
    Keystore other = new Keystore(dir.resolve("other"), ScryptParams.lightForTests());
    char[] words = ANVIL_MNEMONIC.toCharArray();
    assertThat(other.importMnemonic("m", words, null, "pw".toCharArray()).address())
        .isEqualTo(ANVIL_ADDRESS);
    assertThat(words).containsOnly('\0');
    KeyInfo second =
        other.importMnemonic(
            "m1", ANVIL_MNEMONIC.toCharArray(), "m/44'/60'/0'/0/1", "pw".toCharArray());
    assertThat(second.address())
        .isEqualTo(Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
  }

  @Test
  void duplicateImportIsRefusedByAddressAndByName() {
    Keystore ks = store();
    ks.importPrivateKey("raw", ANVIL_KEY.toCharArray(), "pw".toCharArray());
    assertThatThrownBy(
            () ->
                ks.importMnemonic("again", ANVIL_MNEMONIC.toCharArray(), null, "pw".toCharArray()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("already in the key store as 'raw'")
        .matches(e -> ((KeystoreException) e).kind() == Kind.DUPLICATE);
    assertThatThrownBy(() -> ks.create("RAW", "pw".toCharArray()))
        .hasMessageContaining("the name 'RAW' is taken");
  }

  @Test
  void wrongPasswordNamesTheKeyButNotThePassword() {
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "right".toCharArray());
    assertThatThrownBy(() -> ks.unlock("alice", "hunter2-wrong".toCharArray()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageStartingWith("wrong password for key 'alice' (0x")
        .hasMessageContaining(k.address().toString().substring(0, 6))
        .hasMessageNotContaining("hunter2")
        .matches(e -> ((KeystoreException) e).kind() == Kind.WRONG_PASSWORD);
  }

  @Test
  void corruptFileIsReportedWithItsPathAndListedWithAProblem() throws Exception {
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "pw".toCharArray());
    Files.writeString(k.file(), "{\"version\":3,\"crypto\":");
    assertThatThrownBy(() -> ks.unlock("alice", "pw".toCharArray()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("keystore file " + k.file() + " is not a valid V3 keystore")
        .hasMessageEndingWith("restore it from your backup")
        .matches(e -> ((KeystoreException) e).kind() == Kind.CORRUPT);
    assertThat(ks.list().get(0).problem()).isPresent();
  }

  @Test
  void tamperedCiphertextIsCorruptOrWrongPasswordButNeverAKey() throws Exception {
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "pw".toCharArray());
    String json = Files.readString(k.file());
    Files.writeString(k.file(), json.replace("\"version\":3", "\"version\":2"));
    assertThatThrownBy(() -> ks.unlock("alice", "pw".toCharArray()))
        .hasMessageContaining("version is 2, not 3");
  }

  @Test
  void renameKeepsTheCryptoAndExportCopiesTheV3File() throws Exception {
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "pw".toCharArray());
    byte[] before = Files.readAllBytes(k.file());
    ks.rename("alice", "bob");
    assertThat(Files.readAllBytes(k.file())).isEqualTo(before);
    assertThat(ks.find("BOB").address()).isEqualTo(k.address());
    assertThat(ks.find(k.address().toString()).name()).isEqualTo("bob");
    Path out = dir.resolve("backup/bob.json");
    ks.export("bob", out);
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
    assertThatThrownBy(() -> ks.export("bob", out)).hasMessageContaining("already exists");
    Keystore restored = new Keystore(dir.resolve("restored"), ScryptParams.lightForTests());
    char[] pw = "pw".toCharArray();
    assertThat(restored.importKeystoreFile("carol", out, pw).address()).isEqualTo(k.address());
    assertThat(pw).containsOnly('\0');
    assertThatThrownBy(() -> restored.importKeystoreFile("dave", out, "nope".toCharArray()))
        .hasMessageStartingWith("wrong password for the keystore file");
  }

  @Test
  void deleteRemovesFileAndName() {
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "pw".toCharArray());
    ks.delete("alice");
    assertThat(ks.list()).isEmpty();
    assertThat(Files.exists(k.file())).isFalse();
    assertThatThrownBy(() -> ks.find("alice"))
        .matches(e -> ((KeystoreException) e).kind() == Kind.NOT_FOUND);
  }

  @Test
  void filesAreOwnerOnly() throws Exception {
    Assumptions.assumeTrue(SecretFiles.posix());
    Keystore ks = store();
    KeyInfo k = ks.create("alice", "pw".toCharArray());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ks.directory())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k.file())))
        .isEqualTo("rw-------");
    Path label =
        k.file().resolveSibling(k.file().getFileName().toString().replace(".json", ".name"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(label)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(label, StandardCharsets.UTF_8)).isEqualTo("alice");
  }

  @Test
  void standardScryptIsTheDefault() throws Exception {
    assertThat(ScryptParams.STANDARD).isEqualTo(new ScryptParams(262_144, 1));
    Keystore ks = new Keystore(dir.resolve("std"));
    KeyInfo k = ks.importPrivateKey("std", ANVIL_KEY.toCharArray(), "pw".toCharArray());
    assertThat(Files.readString(k.file())).contains("\"n\":262144");
  }

  @Test
  void malformedSecretsAreRejectedWithoutEchoingThem() {
    Keystore ks = store();
    String badKey = "zz" + ANVIL_KEY.substring(2);
    assertThatThrownBy(() -> ks.importPrivateKey("x", badKey.toCharArray(), "pw".toCharArray()))
        .hasMessageNotContaining(ANVIL_KEY.substring(2))
        .matches(e -> ((KeystoreException) e).kind() == Kind.INVALID_INPUT);
    assertThatThrownBy(
            () ->
                ks.importMnemonic(
                    "x", "junk test test test".toCharArray(), null, "pw".toCharArray()))
        .hasMessageNotContaining("junk");
    assertThatThrownBy(
            () -> ks.importMnemonic("x", ANVIL_MNEMONIC.toCharArray(), "44/60", "pw".toCharArray()))
        .hasMessageContaining("must start with m/");
    assertThat(ks.list()).isEmpty();
  }
}
