package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgescope.core.wallet.KeystoreException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The costs and shapes a keystore file may ask for (issue 13, item 5). No test here runs an
 * expensive KDF: refusals happen before any derivation, and the override is shown with a cheap key
 * under tight limits.
 */
class KeystoreLimitsTest {

  static final String PASSWORD = "limits-test-pw";

  @TempDir Path dir;

  Keystore store() {
    return new Keystore(dir.resolve("keystore"), ScryptParams.lightForTests());
  }

  /** A light key (n = 256) whose file is then rewritten by {@code edit}. */
  KeyInfo keyWith(Keystore ks, java.util.function.UnaryOperator<String> edit) throws Exception {
    KeyInfo k = ks.create("alice", PASSWORD.toCharArray());
    String json = Files.readString(k.file());
    assertThat(json).contains("\"n\":256");
    Files.writeString(k.file(), edit.apply(json));
    return k;
  }

  @Test
  void scryptAboveTheCapIsRefusedBeforeDerivingAndNamesTheOverride() throws Exception {
    Keystore ks = store();
    KeyInfo k = keyWith(ks, j -> j.replace("\"n\":256", "\"n\":2097152"));
    assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.toCharArray()))
        .isInstanceOf(KeystoreException.class)
        .matches(e -> ((KeystoreException) e).kind() == Kind.TOO_EXPENSIVE)
        .hasMessageContaining("scrypt n = 2097152 (2^21) is above the cap of 1048576 (2^20)")
        .hasMessageContaining("--allow-expensive-kdf");
    // Importing such a file is refused the same way.
    Keystore other = new Keystore(dir.resolve("other"), ScryptParams.lightForTests());
    assertThatThrownBy(() -> other.importKeystoreFile("x", k.file(), PASSWORD.toCharArray()))
        .matches(e -> ((KeystoreException) e).kind() == Kind.TOO_EXPENSIVE);
    // Expensive is not broken: the key is listed without a problem.
    assertThat(ks.list()).singleElement().satisfies(i -> assertThat(i.problem()).isEmpty());
  }

  @Test
  void theOverrideReachesTheDerivation() throws Exception {
    KdfLimits tight = new KdfLimits(128, 1L << 24, 1000, false);
    Keystore ks = new Keystore(dir.resolve("keystore"), ScryptParams.lightForTests(), tight);
    KeyInfo k = ks.create("alice", PASSWORD.toCharArray());
    assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.toCharArray()))
        .matches(e -> ((KeystoreException) e).kind() == Kind.TOO_EXPENSIVE)
        .hasMessageContaining("scrypt n = 256 (2^8) is above the cap of 128 (2^7)");
    try (KeySession s = ks.allowingExpensiveKdf().unlock("alice", PASSWORD.toCharArray())) {
      assertThat(s.address()).isEqualTo(k.address());
    }
    assertThatThrownBy(() -> ks.allowingExpensiveKdf().unlock("alice", "wrong-pw".toCharArray()))
        .matches(e -> ((KeystoreException) e).kind() == Kind.WRONG_PASSWORD);
  }

  @Test
  void scryptWorkAboveTheCapIsRefused() throws Exception {
    Keystore ks = store();
    keyWith(ks, j -> j.replace("\"p\":1", "\"p\":1000000"));
    assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.toCharArray()))
        .matches(e -> ((KeystoreException) e).kind() == Kind.TOO_EXPENSIVE)
        .hasMessageContaining("n·r·p = 256·8·1000000");
  }

  @Test
  void pbkdf2AboveTheCapIsRefused() throws Exception {
    Keystore ks = store();
    keyWith(
        ks,
        j ->
            j.replace("\"kdf\":\"scrypt\"", "\"kdf\":\"pbkdf2\"")
                .replaceAll(
                    "\"kdfparams\":\\{[^}]*\"salt\":\"([0-9a-f]+)\"[^}]*}",
                    "\"kdfparams\":{\"c\":20000000,\"dklen\":32,\"prf\":\"hmac-sha256\","
                        + "\"salt\":\"$1\"}"));
    assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.toCharArray()))
        .matches(e -> ((KeystoreException) e).kind() == Kind.TOO_EXPENSIVE)
        .hasMessageContaining("PBKDF2 round count c = 20000000 is above the cap of 10000000");
  }

  @Test
  void malformedParametersAreCorruptNeverAnIndexError() throws Exception {
    String[][] cases = {
      {"\"n\":256", "\"n\":1000", "scrypt n = 1000 is not a power of two"},
      {"\"n\":256", "\"n\":1", "scrypt n = 1 is not a power of two"},
      {"\"dklen\":32", "\"dklen\":16", "dklen = 16"},
      {"\"r\":8", "\"r\":0", "scrypt r = 0"},
      {"\"p\":1", "\"p\":-1", "p = -1 must be at least 1"},
      {"\"kdf\":\"scrypt\"", "\"kdf\":\"argon2\"", "argon2"},
      {"\"cipher\":\"aes-128-ctr\"", "\"cipher\":\"aes-256-gcm\"", "cipher 'aes-256-gcm'"},
    };
    for (String[] c : cases) {
      Path sub = dir.resolve("case" + c[1].hashCode());
      Keystore ks = new Keystore(sub, ScryptParams.lightForTests());
      KeyInfo k = ks.create("alice", PASSWORD.toCharArray());
      String json = Files.readString(k.file());
      assertThat(json).as(c[0]).contains(c[0]);
      Files.writeString(k.file(), json.replace(c[0], c[1]));
      assertThatThrownBy(() -> ks.unlock("alice", PASSWORD.toCharArray()))
          .as(c[1])
          .isInstanceOf(KeystoreException.class)
          .matches(e -> ((KeystoreException) e).kind() == Kind.CORRUPT)
          .hasMessageContaining(c[2])
          .hasMessageNotContaining("Exception");
      assertThat(ks.list()).singleElement().satisfies(i -> assertThat(i.problem()).isPresent());
    }
  }

  @Test
  void exportRefusesAKeyListedWithAProblemUnlessForced() throws Exception {
    Keystore ks = store();
    keyWith(ks, j -> j.replace("\"dklen\":32", "\"dklen\":16"));
    Path out = dir.resolve("backup.json");
    assertThatThrownBy(() -> ks.export("alice", out))
        .matches(e -> ((KeystoreException) e).kind() == Kind.CORRUPT)
        .hasMessageContaining("nothing was exported")
        .hasMessageContaining("--force");
    assertThat(out).doesNotExist();
    ks.export("alice", out, true);
    assertThat(out).exists();
  }

  @Test
  void newPasswordsNeedEightCharacters() {
    for (String pw : new String[] {"", "1234567"}) {
      assertThatThrownBy(() -> Keystore.checkNewPassword(pw.toCharArray()))
          .matches(e -> ((KeystoreException) e).kind() == Kind.INVALID_INPUT)
          .hasMessageContaining("at least 8 characters");
    }
    assertThatCode(() -> Keystore.checkNewPassword("12345678".toCharArray()))
        .doesNotThrowAnyException();
  }
}
