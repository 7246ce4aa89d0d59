package io.bridgescope.core.wallet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.wallet.KeystoreException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;

/**
 * The local key store: Ethereum V3 keystore files (scrypt) in one owner-only folder, one file per
 * key named by its address, with the user's name for the key in a small file beside it.
 *
 * <p>Every method that takes a password or other secret as {@code char[]} zeroes that array before
 * it returns, whether it succeeds or not. web3j's keystore API takes the password as a {@code
 * String}; that short-lived copy cannot be zeroed (see {@link KeySession} for the same limit on the
 * private key). Nothing here logs, and no message contains a secret.
 */
public final class Keystore {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

  /** The fewest characters a new key's password may have (the CLI and the desktop check it). */
  public static final int MIN_PASSWORD_LENGTH = 8;

  private final Path dir;
  private final ScryptParams scrypt;
  private final KdfLimits limits;

  /** A store using the standard scrypt cost for new files. */
  public Keystore(Path dir) {
    this(dir, ScryptParams.STANDARD);
  }

  /** A store with an explicit scrypt cost; only tests pass anything but the standard one. */
  public Keystore(Path dir, ScryptParams scrypt) {
    this(dir, scrypt, KdfLimits.STANDARD);
  }

  /** A store with explicit KDF limits for the files it opens (tests use tight ones). */
  public Keystore(Path dir, ScryptParams scrypt, KdfLimits limits) {
    this.dir = dir.toAbsolutePath();
    this.scrypt = scrypt;
    this.limits = limits;
  }

  /**
   * The same store, opening files whose KDF costs more than the caps of {@link KdfLimits} (the user
   * asked for it: CLI {@code --allow-expensive-kdf}). Malformed files are still refused.
   */
  public Keystore allowingExpensiveKdf() {
    return new Keystore(dir, scrypt, limits.allowingExpensive());
  }

  /**
   * Refuses a password for a new key that is shorter than {@link #MIN_PASSWORD_LENGTH}; does not
   * clear it (the caller still owns it). Wherever the password comes from (terminal, file, dialog).
   */
  public static void checkNewPassword(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new KeystoreException(
          Kind.INVALID_INPUT,
          "a new key's password needs at least "
              + MIN_PASSWORD_LENGTH
              + " characters (got "
              + (password == null ? 0 : password.length)
              + "); nothing was saved");
    }
  }

  /** The store of a data directory: {@code <data dir>/keystore}. */
  public static Keystore inDataDirectory(Path dataRoot) {
    return new Keystore(dataRoot.resolve("keystore"));
  }

  public Path directory() {
    return dir;
  }

  /** A new random key. */
  public KeyInfo create(String name, char[] password) {
    try {
      return store(name, Keys.createEcKeyPair(new SecureRandom()), password);
    } catch (java.security.GeneralSecurityException e) {
      Arrays.fill(password, '\0');
      throw new KeystoreException(Kind.IO, "could not generate a key: " + e.getMessage(), e);
    }
  }

  /** A raw private key (64 hex digits); {@code privateKeyHex} is zeroed too. */
  public KeyInfo importPrivateKey(String name, char[] privateKeyHex, char[] password) {
    ECKeyPair pair;
    try {
      pair = KeyMaterial.fromPrivateKeyHex(privateKeyHex);
    } catch (RuntimeException e) {
      Arrays.fill(password, '\0');
      throw e;
    } finally {
      Arrays.fill(privateKeyHex, '\0');
    }
    return store(name, pair, password);
  }

  /**
   * A key derived from a BIP-39 mnemonic along {@code path} (default {@code m/44'/60'/0'/0/0} when
   * null); {@code mnemonic} is zeroed too.
   */
  public KeyInfo importMnemonic(
      String name, char[] mnemonic, @Nullable String path, char[] password) {
    ECKeyPair pair;
    try {
      pair = KeyMaterial.fromMnemonic(mnemonic, path == null ? KeyMaterial.DEFAULT_PATH : path);
    } catch (RuntimeException e) {
      Arrays.fill(password, '\0');
      throw e;
    } finally {
      Arrays.fill(mnemonic, '\0');
    }
    return store(name, pair, password);
  }

  /**
   * Copies an existing V3 keystore file into the store after checking that {@code password} opens
   * it; the file is kept as it is (its own KDF and password).
   */
  public KeyInfo importKeystoreFile(String name, Path file, char[] password) {
    try {
      checkName(name);
      byte[] content = readFile(file);
      WalletFile wf = parse(file, content);
      Credentials c =
          decrypt(
              file,
              wf,
              password,
              "the keystore file " + file + " (0x" + shortHex(wf.getAddress()) + ")");
      Address address = Address.of(c.getAddress());
      // The IV is outside the MAC: an edited one decrypts (without complaint) to another key.
      if (!address.equals(Address.of(wf.getAddress()))) {
        throw corrupt(file, "it decrypts to " + address + ", not to the address it names");
      }
      checkNew(name, address);
      writeKey(name, address, content);
      return info(address).orElseThrow();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Every key, by name; unreadable files are listed with their problem. */
  public List<KeyInfo> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<KeyInfo> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : ds) {
        addressOfFileName(f).flatMap(this::info).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw io("list the key store " + dir, e);
    }
    out.sort(Comparator.comparing(k -> k.name().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** A key by name (case-insensitive) or by 0x address. */
  public KeyInfo find(String nameOrAddress) {
    String s = nameOrAddress == null ? "" : nameOrAddress.strip();
    for (KeyInfo k : list()) {
      if (k.name().equalsIgnoreCase(s) || k.address().toString().equalsIgnoreCase(s)) {
        return k;
      }
    }
    throw new KeystoreException(
        Kind.NOT_FOUND,
        "no key '" + s + "' in the key store " + dir + " (list them with `bridgescope keys list`)");
  }

  public KeyInfo rename(String nameOrAddress, String newName) {
    KeyInfo k = find(nameOrAddress);
    checkName(newName);
    for (KeyInfo other : list()) {
      if (!other.address().equals(k.address()) && other.name().equalsIgnoreCase(newName)) {
        throw new KeystoreException(
            Kind.DUPLICATE, "the name '" + newName + "' is taken by " + other.describe());
      }
    }
    try {
      SecretFiles.write(labelFile(k.address()), newName.getBytes(StandardCharsets.UTF_8), true);
    } catch (IOException e) {
      throw io("rename key " + k.describe(), e);
    }
    return info(k.address()).orElseThrow();
  }

  /** Copies the V3 file of a key to {@code target} (owner-only); refuses to overwrite. */
  public Path export(String nameOrAddress, Path target) {
    return export(nameOrAddress, target, false);
  }

  /**
   * As {@link #export(String, Path)}; a key that {@link #list()} marks with a problem is refused
   * unless {@code force}: its copy would look like a backup but could not be opened either.
   */
  public Path export(String nameOrAddress, Path target, boolean force) {
    KeyInfo k = find(nameOrAddress);
    if (k.problem().isPresent() && !force) {
      throw new KeystoreException(
          Kind.CORRUPT,
          "key "
              + k.describe()
              + " has a problem ("
              + k.problem().get()
              + "), so its copy would be no backup: nothing was exported. Restore the key from"
              + " your backup, or export it anyway with --force");
    }
    try {
      SecretFiles.write(target, Files.readAllBytes(k.file()), false);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new KeystoreException(Kind.DUPLICATE, "export: " + target + " already exists", e);
    } catch (IOException e) {
      throw io("export key " + k.describe() + " to " + target, e);
    }
    return target;
  }

  /** Removes a key's file and name. Irreversible without a backup: callers confirm first. */
  public void delete(String nameOrAddress) {
    KeyInfo k = find(nameOrAddress);
    try {
      Files.deleteIfExists(k.file());
      Files.deleteIfExists(labelFile(k.address()));
    } catch (IOException e) {
      throw io("delete key " + k.describe(), e);
    }
  }

  /** Decrypts a key for one signing call; {@code password} is zeroed. */
  public KeySession unlock(String nameOrAddress, char[] password) {
    try {
      KeyInfo k = find(nameOrAddress);
      byte[] content = readFile(k.file());
      WalletFile wf = parse(k.file(), content);
      Credentials c = decrypt(k.file(), wf, password, "key " + k.describe());
      if (!c.getAddress().equalsIgnoreCase(k.address().toString())) {
        throw corrupt(k.file(), "it decrypts to another address than its file name says");
      }
      return new KeySession(k, c);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private KeyInfo store(String name, ECKeyPair pair, char[] password) {
    try {
      checkName(name);
      Address address = Address.of(Keys.getAddress(pair));
      checkNew(name, address);
      WalletFile wf;
      String pw = new String(password);
      wf = Wallet.create(pw, pair, scrypt.n(), scrypt.p());
      writeKey(name, address, JSON.writeValueAsBytes(wf));
      return info(address).orElseThrow();
    } catch (CipherException e) {
      throw new KeystoreException(Kind.IO, "could not encrypt the key: " + e.getMessage(), e);
    } catch (IOException e) {
      throw io("write the key file", e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private void writeKey(String name, Address address, byte[] v3Json) {
    try {
      SecretFiles.ensureDirectory(dir);
      SecretFiles.write(keyFile(address), v3Json, false);
      SecretFiles.write(labelFile(address), name.getBytes(StandardCharsets.UTF_8), true);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw duplicate(address);
    } catch (IOException e) {
      throw io("write the key file " + keyFile(address), e);
    }
  }

  private Credentials decrypt(Path file, WalletFile wf, char[] password, String what) {
    limits.check(
        wf.getCrypto(), what.startsWith("the keystore file") ? what : what + " (" + file + ")");
    ECKeyPair pair;
    try {
      pair = Wallet.decrypt(new String(password), wf);
    } catch (CipherException e) {
      if (String.valueOf(e.getMessage()).contains("Invalid password")) {
        throw new KeystoreException(Kind.WRONG_PASSWORD, "wrong password for " + what);
      }
      throw corrupt(file, e.getMessage());
    } catch (RuntimeException e) {
      throw corrupt(file, e.getClass().getSimpleName());
    }
    return Credentials.create(pair);
  }

  private void checkNew(String name, Address address) {
    for (KeyInfo k : list()) {
      if (k.address().equals(address)) {
        throw duplicate(address);
      }
      if (k.name().equalsIgnoreCase(name)) {
        throw new KeystoreException(
            Kind.DUPLICATE, "the name '" + name + "' is taken by " + k.describe());
      }
    }
  }

  private KeystoreException duplicate(Address address) {
    KeyInfo existing = info(address).orElse(null);
    return new KeystoreException(
        Kind.DUPLICATE,
        "key "
            + address
            + " is already in the key store"
            + (existing == null ? "" : " as '" + existing.name() + "'"));
  }

  private Optional<KeyInfo> info(Address address) {
    Path f = keyFile(address);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    String name;
    try {
      Path label = labelFile(address);
      name =
          Files.isRegularFile(label)
              ? Files.readString(label, StandardCharsets.UTF_8).strip()
              : "key-" + address.toString().substring(2, 8);
    } catch (IOException e) {
      throw io("read the name of key " + address, e);
    }
    Optional<String> problem = Optional.empty();
    try {
      WalletFile wf = parse(f, readFile(f));
      if (!address.equals(Address.of("0x" + wf.getAddress()))) {
        problem = Optional.of("its address field differs from its file name");
      }
    } catch (KeystoreException | IllegalArgumentException e) {
      problem = Optional.of(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    return Optional.of(new KeyInfo(name, address, f, problem));
  }

  private static WalletFile parse(Path file, byte[] content) {
    WalletFile wf;
    try {
      wf = JSON.readValue(content, WalletFile.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw corrupt(file, "not JSON of the expected shape (" + e.getOriginalMessage() + ")");
    } catch (IOException | RuntimeException e) {
      throw corrupt(file, "unreadable (" + e.getClass().getSimpleName() + ")");
    }
    if (wf == null || wf.getVersion() != 3) {
      throw corrupt(file, "version is " + (wf == null ? "missing" : wf.getVersion()) + ", not 3");
    }
    WalletFile.Crypto c = wf.getCrypto();
    if (c == null || c.getCiphertext() == null || c.getKdfparams() == null || c.getMac() == null) {
      throw corrupt(file, "its crypto section is incomplete");
    }
    if (wf.getAddress() == null || !wf.getAddress().matches("(0x)?[0-9a-fA-F]{40}")) {
      throw corrupt(file, "its address field is missing or malformed");
    }
    KdfLimits.malformed(c)
        .ifPresent(
            why -> {
              throw corrupt(file, why);
            });
    return wf;
  }

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new KeystoreException(Kind.NOT_FOUND, "keystore file " + file + " does not exist", e);
    } catch (IOException e) {
      throw io("read " + file, e);
    }
  }

  private static KeystoreException corrupt(Path file, @Nullable String why) {
    return new KeystoreException(
        Kind.CORRUPT,
        "keystore file "
            + file
            + " is not a valid V3 keystore: "
            + why
            + "; restore it from your backup");
  }

  private static KeystoreException io(String what, IOException e) {
    return new KeystoreException(Kind.IO, "could not " + what + ": " + e.getMessage(), e);
  }

  private static void checkName(String name) {
    if (name == null
        || !NAME.matcher(name).matches()
        || name.toLowerCase(Locale.ROOT).startsWith("0x")) {
      throw new KeystoreException(
          Kind.INVALID_INPUT,
          "key name '"
              + name
              + "': use 1-64 letters, digits, spaces, '.', '_' or '-', not starting with 0x");
    }
  }

  private static String shortHex(String hex) {
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    return h.length() < 10 ? h : h.substring(0, 4) + "…" + h.substring(h.length() - 4);
  }

  private static Optional<Address> addressOfFileName(Path f) {
    String n = f.getFileName().toString();
    String hex = n.substring(0, n.length() - ".json".length());
    return hex.matches("[0-9a-f]{40}") ? Optional.of(Address.of("0x" + hex)) : Optional.empty();
  }

  private Path keyFile(Address a) {
    return dir.resolve(a.toString().substring(2) + ".json");
  }

  private Path labelFile(Address a) {
    return dir.resolve(a.toString().substring(2) + ".name");
  }
}
