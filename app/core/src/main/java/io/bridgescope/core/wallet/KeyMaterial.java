package io.bridgescope.core.wallet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Sign;

/**
 * Turns user-supplied secrets into key pairs. Every byte array made here is zeroed before return;
 * web3j's mnemonic API takes a {@code String}, which cannot be zeroed (see {@link KeySession}).
 * Error messages describe the input's shape, never its content.
 */
final class KeyMaterial {

  /** Ethereum's BIP-44 path for the first account. */
  static final String DEFAULT_PATH = "m/44'/60'/0'/0/0";

  private KeyMaterial() {}

  /** A private key from 64 hex digits (optionally 0x-prefixed). */
  static ECKeyPair fromPrivateKeyHex(char[] hex) {
    int start = hex.length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? 2 : 0;
    int end = hex.length;
    while (end > start && Character.isWhitespace(hex[end - 1])) {
      end--;
    }
    while (start < end && Character.isWhitespace(hex[start])) {
      start++;
    }
    if (end - start != 64) {
      throw invalid("a private key is 64 hex digits, got " + (end - start) + " characters");
    }
    byte[] key = new byte[32];
    try {
      for (int i = 0; i < 32; i++) {
        int hi = Character.digit(hex[start + 2 * i], 16);
        int lo = Character.digit(hex[start + 2 * i + 1], 16);
        if (hi < 0 || lo < 0) {
          throw invalid("the private key contains a character that is not a hex digit");
        }
        key[i] = (byte) (hi << 4 | lo);
      }
      return fromBytes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** BIP-39 mnemonic (English word list) with an empty passphrase, derived along {@code path}. */
  static ECKeyPair fromMnemonic(char[] mnemonic, String path) {
    int[] indexes = parsePath(path);
    String words = String.join(" ", new String(mnemonic).trim().split("\\s+"));
    if (!MnemonicUtils.validateMnemonic(words)) {
      throw invalid(
          "the mnemonic is not a valid BIP-39 phrase (check the words and their order; "
              + "12 to 24 English words)");
    }
    byte[] seed = MnemonicUtils.generateSeed(words, "");
    try {
      Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
      Bip32ECKeyPair derived = Bip32ECKeyPair.deriveKeyPair(master, indexes);
      return ECKeyPair.create(derived.getPrivateKey());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** {@code m/44'/60'/0'/0/0} into BIP-32 child numbers (hardened ones with the high bit set). */
  static int[] parsePath(String path) {
    String p = path == null ? "" : path.strip();
    if (!p.startsWith("m/") && !p.equals("m")) {
      throw invalid(
          "derivation path '" + path + "' must start with m/ (e.g. " + DEFAULT_PATH + ")");
    }
    List<Integer> out = new ArrayList<>();
    for (String part : p.substring(1).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      boolean hardened = part.endsWith("'") || part.endsWith("h");
      String n = hardened ? part.substring(0, part.length() - 1) : part;
      long v;
      try {
        v = Long.parseLong(n);
      } catch (NumberFormatException e) {
        throw invalid("derivation path '" + path + "': '" + part + "' is not a number");
      }
      if (v < 0 || v >= (1L << 31)) {
        throw invalid("derivation path '" + path + "': " + v + " is out of range");
      }
      out.add(hardened ? (int) v | Bip32ECKeyPair.HARDENED_BIT : (int) v);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static ECKeyPair fromBytes(byte[] key) {
    BigInteger k = new BigInteger(1, key);
    if (k.signum() == 0 || k.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
      throw invalid("the private key is outside the secp256k1 range");
    }
    return ECKeyPair.create(k);
  }

  private static KeystoreException invalid(String msg) {
    return new KeystoreException(KeystoreException.Kind.INVALID_INPUT, msg);
  }
}
