package io.bridgescope.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bridgescope.core.fuzz.FuzzFiles;
import io.bridgescope.core.fuzz.JsonEdit;
import io.bridgescope.core.model.Address;
import io.bridgescope.crypto.Keccak;
import io.bridgescope.crypto.fuzz.Decoders;
import io.bridgescope.crypto.fuzz.Decoders.Outcome;
import io.bridgescope.crypto.fuzz.FuzzTries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;

/**
 * V3 keystore files as {@code keys import} reads them and as the store lists and unlocks them:
 * scrypt and PBKDF2 files (built cheap: n, c at most 2^10) read back to their key; edited files
 * (JSON structure, values, text, KDF parameters up to 2^31) import or fail with {@link
 * KeystoreException}. A KDF cost past the cap must be refused before any work. The stores here use
 * {@link #FUZZ_LIMITS}, caps just above the cheap values, so the generator never produces an
 * expensive cost that is inside the cap and every slow or allocating call is a real finding. (With
 * the standard caps, PBKDF2 c = 2^21 is accepted, and its two million rounds allocate about 60 MiB
 * of short-lived garbage, which the allocation bound cannot tell from a trusted length.)
 */
@AddLifecycleHook(FuzzTries.class)
class KeystoreFuzzTest {

  static final String PASSWORD = "correct horse ✓";

  /** Caps just above the generator's cheap costs (n ≤ 2^10, r ≤ 8, p ≤ 4, c ≤ 2^10). */
  static final KdfLimits FUZZ_LIMITS = new KdfLimits(1 << 10, 1L << 16, 1 << 14, false);

  /**
   * What an unlock or import may allocate: deriving a key allocates by design (garbage per round,
   * bounded by the KDF caps above, not by the input's lengths), and a campaign run once saw 60 MiB
   * within those caps, so these calls get a looser bound than the harness default.
   */
  static final long KDF_ALLOCATION = 256L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FuzzFiles files;
  private static List<Base> bases;

  /** A valid keystore file and the address of its key. */
  record Base(String json, Address address) {}

  @BeforeContainer
  static void createBases() throws Exception {
    files = FuzzFiles.create("keystore");
    ECKeyPair one = ECKeyPair.create(new java.math.BigInteger(KeystoreTest.ANVIL_KEY, 16));
    ECKeyPair two = Keys.createEcKeyPair();
    bases =
        List.of(
            new Base(JSON.writeValueAsString(Wallet.create(PASSWORD, one, 16, 1)), address(one)),
            new Base(JSON.writeValueAsString(Wallet.create(PASSWORD, two, 64, 2)), address(two)),
            new Base(pbkdf2(one, 64), address(one)),
            new Base(pbkdf2(two, 1), address(two)));
  }

  @AfterContainer
  static void deleteDirectory() {
    files.close();
  }

  static Address address(ECKeyPair k) {
    return Address.of("0x" + Keys.getAddress(k));
  }

  /** A PBKDF2 (HMAC-SHA256) V3 file, which web3j reads but does not write. */
  static String pbkdf2(ECKeyPair key, int c) throws GeneralSecurityException, IOException {
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    new java.security.SecureRandom().nextBytes(iv);
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
    gen.init(PASSWORD.getBytes(StandardCharsets.UTF_8), salt, c);
    byte[] dk = ((KeyParameter) gen.generateDerivedParameters(256)).getKey();
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(java.util.Arrays.copyOf(dk, 16), "AES"),
        new IvParameterSpec(iv));
    byte[] secret = org.web3j.utils.Numeric.toBytesPadded(key.getPrivateKey(), 32);
    byte[] ciphertext = aes.doFinal(secret);
    byte[] macInput = new byte[16 + ciphertext.length];
    System.arraycopy(dk, 16, macInput, 0, 16);
    System.arraycopy(ciphertext, 0, macInput, 16, ciphertext.length);
    HexFormat hex = HexFormat.of();
    ObjectNode o = JSON.createObjectNode();
    o.put("address", Keys.getAddress(key));
    o.put("id", java.util.UUID.randomUUID().toString());
    o.put("version", 3);
    ObjectNode crypto = o.putObject("crypto");
    crypto.put("cipher", "aes-128-ctr");
    crypto.put("ciphertext", hex.formatHex(ciphertext));
    crypto.putObject("cipherparams").put("iv", hex.formatHex(iv));
    crypto.put("kdf", "pbkdf2");
    crypto
        .putObject("kdfparams")
        .put("c", c)
        .put("dklen", 32)
        .put("prf", "hmac-sha256")
        .put("salt", hex.formatHex(salt));
    crypto.put("mac", hex.formatHex(Keccak.keccak256(macInput)));
    return JSON.writeValueAsString(o);
  }

  /**
   * A KDF parameter set to a value that is either cheap (n, c at most 2^10, r at most 8, p at most
   * 4) or past any sane cap (2^21 and up, negative, zero, not a power of two).
   */
  record KdfEdit(String param, long value) {

    static final List<String> PARAMS = List.of("n", "r", "p", "c", "dklen");

    String apply(String json) {
      try {
        ObjectNode o = (ObjectNode) JSON.readTree(json);
        ObjectNode params = (ObjectNode) o.get("crypto").get("kdfparams");
        params.put(param, value);
        return JSON.writeValueAsString(o);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Provide
  Arbitrary<List<KdfEdit>> kdfEdits() {
    // Cheap values per parameter keep every accepted file quick to open (128 * n * r <= 1 MiB).
    Arbitrary<KdfEdit> cheap =
        Arbitraries.oneOf(
            Arbitraries.of(2L, 16L, 256L, 1024L, 3L, 1L).map(v -> new KdfEdit("n", v)),
            Arbitraries.of(1L, 2L, 8L).map(v -> new KdfEdit("r", v)),
            Arbitraries.of(1L, 2L, 4L).map(v -> new KdfEdit("p", v)),
            Arbitraries.of(1L, 2L, 1024L).map(v -> new KdfEdit("c", v)),
            Arbitraries.of(32L, 64L, 16L, 31L, 65L).map(v -> new KdfEdit("dklen", v)));
    Arbitrary<Long> hostileValues =
        Arbitraries.of(
            0L,
            -1L,
            (long) Integer.MIN_VALUE,
            1L << 21,
            1L << 24,
            1L << 30,
            (long) Integer.MAX_VALUE,
            1L << 31,
            1L << 40,
            1000L * 1000 * 1000);
    Arbitrary<KdfEdit> hostile =
        Combinators.combine(Arbitraries.of(KdfEdit.PARAMS), hostileValues).as(KdfEdit::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, cheap), net.jqwik.api.Tuple.of(1, hostile))
        .list()
        .ofMaxSize(2);
  }

  /** One hex digit changed in a field of the crypto section or the address. */
  record HexFieldEdit(String field, int at) {

    static final List<String> FIELDS =
        List.of("ciphertext", "cipherparams.iv", "kdfparams.salt", "mac", "address");

    String apply(String json) {
      try {
        ObjectNode o = (ObjectNode) JSON.readTree(json);
        ObjectNode parent = (ObjectNode) (field.equals("address") ? o : o.get("crypto"));
        String name = field;
        int dot = field.indexOf('.');
        if (dot > 0) {
          parent = (ObjectNode) parent.get(field.substring(0, dot));
          name = field.substring(dot + 1);
        }
        char[] hex = parent.get(name).textValue().toCharArray();
        int i = at % hex.length;
        hex[i] = hex[i] == '0' ? '1' : '0';
        parent.put(name, new String(hex));
        return JSON.writeValueAsString(o);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Provide
  Arbitrary<List<HexFieldEdit>> hexFieldEdits() {
    return Combinators.combine(
            Arbitraries.of(HexFieldEdit.FIELDS), Arbitraries.integers().between(0, 200))
        .as(HexFieldEdit::new)
        .list()
        .ofMaxSize(1);
  }

  @Provide
  Arbitrary<Integer> baseIndex() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<List<JsonEdit>> edits() {
    return JsonEdit.lists();
  }

  static Path write(String name, byte[] content) {
    return files.write(name, content);
  }

  static Keystore freshStore() {
    return new Keystore(files.folder().resolve("store"), ScryptParams.lightForTests(), FUZZ_LIMITS);
  }

  @Property(tries = 40)
  void keystoreFilesImportOrFailTyped(
      @ForAll("baseIndex") int baseIndex,
      @ForAll("kdfEdits") List<KdfEdit> kdfEdits,
      @ForAll("hexFieldEdits") List<HexFieldEdit> hexEdits,
      @ForAll("edits") List<JsonEdit> edits,
      @ForAll boolean rightPassword) {
    Base base = bases.get(baseIndex);
    String json = base.json();
    for (KdfEdit k : kdfEdits) {
      json = k.apply(json);
    }
    for (HexFieldEdit h : hexEdits) {
      json = h.apply(json);
    }
    Path file = write("key.json", JsonEdit.applyAll(json, edits));
    Keystore store = freshStore();
    char[] password = (rightPassword ? PASSWORD : "wrong").toCharArray();
    Outcome<KeyInfo> o =
        Decoders.decodeWithin(
            KDF_ALLOCATION,
            () -> store.importKeystoreFile("k", file, password),
            KeystoreException.class);
    assertThat(password).as("the password is cleared").containsOnly('\0');
    boolean intact = kdfEdits.isEmpty() && hexEdits.isEmpty() && edits.isEmpty();
    if (intact && rightPassword) {
      assertThat(o.ok()).as("valid keystore refused: %s", o.error()).isTrue();
    }
    if (intact && !rightPassword) {
      assertThat(((KeystoreException) o.error()).kind())
          .isEqualTo(KeystoreException.Kind.WRONG_PASSWORD);
    }
    if (o.ok()) {
      // An edit that still opens must open to the key the file names, and it unlocks again.
      assertThat(o.value().address()).isEqualTo(base.address());
      assertThat(o.value().problem()).isEmpty();
      Outcome<KeySession> again =
          Decoders.decodeWithin(
              KDF_ALLOCATION,
              () -> store.unlock("k", PASSWORD.toCharArray()),
              KeystoreException.class);
      assertThat(again.value().address()).isEqualTo(base.address());
    }
  }

  /** A damaged file already in the store: listed with its problem, refused when unlocked. */
  @Property(tries = 20)
  void damagedStoreFilesAreListedAndRefusedTyped(
      @ForAll("baseIndex") int baseIndex,
      @ForAll("kdfEdits") List<KdfEdit> kdfEdits,
      @ForAll("edits") List<JsonEdit> edits) {
    Base base = bases.get(baseIndex);
    String json = base.json();
    for (KdfEdit k : kdfEdits) {
      json = k.apply(json);
    }
    byte[] content = JsonEdit.applyAll(json, edits);
    Path storeDir =
        files.write(base.address().toString().substring(2) + ".json", content).getParent();
    Keystore store = new Keystore(storeDir, ScryptParams.lightForTests(), FUZZ_LIMITS);
    Outcome<List<KeyInfo>> listed = Decoders.decode(store::list);
    assertThat(listed.value()).hasSize(1);
    Decoders.decodeWithin(
        KDF_ALLOCATION,
        () -> store.unlock(base.address().toString(), PASSWORD.toCharArray()),
        KeystoreException.class);
  }

  /** What {@code keys import --key-file} reads: 64 hex digits, edited. */
  @Property(tries = 80)
  void privateKeyTextImportsOrFailsTyped(
      @ForAll("keyTexts") String text, @ForAll("textEdits") List<Integer> edits) {
    StringBuilder b = new StringBuilder(text);
    for (int e : edits) {
      int at = b.length() == 0 ? 0 : e % b.length();
      switch (e % 5) {
        case 0 -> b.insert(at, "g");
        case 1 -> b.insert(at, "\u0663");
        case 2 -> b.setLength(at);
        case 3 -> b.insert(0, " 0x");
        default -> b.append('0');
      }
    }
    char[] chars = b.toString().toCharArray();
    Outcome<ECKeyPair> o =
        Decoders.decode(() -> KeyMaterial.fromPrivateKeyHex(chars), KeystoreException.class);
    if (edits.isEmpty()) {
      assertThat(o.value().getPrivateKey()).isEqualTo(new java.math.BigInteger(text, 16));
    }
  }

  @Provide
  Arbitrary<String> keyTexts() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(32)
        .map(HexFormat.of()::formatHex)
        .filter(
            h -> {
              java.math.BigInteger k = new java.math.BigInteger(h, 16);
              return k.signum() > 0 && k.compareTo(org.web3j.crypto.Sign.CURVE_PARAMS.getN()) < 0;
            });
  }

  @Provide
  Arbitrary<List<Integer>> textEdits() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(2);
  }

  /** Derivation paths of {@code keys import --mnemonic-file --path}. */
  @Property(tries = 80)
  void derivationPathsParseOrFailTyped(@ForAll("paths") String path) {
    Outcome<int[]> o = Decoders.decode(() -> KeyMaterial.parsePath(path), KeystoreException.class);
    if (path.equals(KeyMaterial.DEFAULT_PATH)) {
      assertThat(o.value()).hasSize(5);
    }
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> part =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf),
            Arbitraries.of(
                "2147483648", "99999999999999999999", "-1", "+5", "'", "h", "", "0x10", "\u0663"),
            Arbitraries.strings().ofMaxLength(4));
    Arbitrary<String> hardened = Arbitraries.of("", "'", "h", "''");
    return Arbitraries.oneOf(
        Arbitraries.just(KeyMaterial.DEFAULT_PATH),
        Combinators.combine(part, hardened)
            .as(String::concat)
            .list()
            .ofMaxSize(7)
            .map(l -> "m/" + String.join("/", l)),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Property(tries = 40)
  void randomFilesFailTyped(@ForAll @Size(max = 2000) byte[] content) {
    Path file = write("key.json", content);
    Keystore store = freshStore();
    Decoders.decodeWithin(
        KDF_ALLOCATION,
        () -> store.importKeystoreFile("k", file, PASSWORD.toCharArray()),
        KeystoreException.class);
  }
}
