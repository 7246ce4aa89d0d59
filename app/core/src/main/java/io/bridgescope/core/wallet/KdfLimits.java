package io.bridgescope.core.wallet;

import io.bridgescope.core.wallet.KeystoreException.Kind;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.WalletFile;

/**
 * What a V3 keystore file may ask of us before we derive its key. The file chooses the cost of its
 * KDF, so a hostile or broken one can ask for hours of work or more memory than the machine has
 * (web3j then hangs, or fails with an {@code ArrayIndexOutOfBoundsException} for a short {@code
 * dklen}). Malformed parameters are always refused; costs above the caps are refused unless the
 * user allows them explicitly ({@link #allowingExpensive()}, CLI {@code --allow-expensive-kdf});
 * scrypt memory beyond what this JVM may use is refused either way.
 *
 * <p>The standard caps: scrypt n ≤ 2^20 and n·r·p ≤ 2^24 (8 times geth's standard n = 2^18, r = 8,
 * p = 1; a few seconds); PBKDF2 c ≤ 10,000,000 (geth writes 262,144).
 *
 * @param maxScryptN largest scrypt n accepted without the override
 * @param maxScryptWork largest n·r·p accepted without the override
 * @param maxPbkdf2Rounds largest PBKDF2 c accepted without the override
 */
public record KdfLimits(
    int maxScryptN, long maxScryptWork, int maxPbkdf2Rounds, boolean allowExpensive) {

  public static final KdfLimits STANDARD = new KdfLimits(1 << 20, 1L << 24, 10_000_000, false);

  /** Bytes the derived key must have: 16 for AES-128 and 16 for the MAC. */
  static final int DKLEN = 32;

  private static final int MAX_SALT_BYTES = 1024;

  /** These limits with costs above the caps allowed (malformed files are still refused). */
  public KdfLimits allowingExpensive() {
    return new KdfLimits(maxScryptN, maxScryptWork, maxPbkdf2Rounds, true);
  }

  /**
   * Why the crypto section cannot be used at any cost (bad KDF name or parameters, bad hex or
   * lengths), or empty. Checked when listing, so such a key shows its problem.
   */
  static Optional<String> malformed(WalletFile.Crypto c) {
    if (!"aes-128-ctr".equals(c.getCipher())) {
      return Optional.of("cipher '" + c.getCipher() + "' is not aes-128-ctr");
    }
    if (c.getCipherparams() == null || bytes(c.getCipherparams().getIv()) != 16) {
      return Optional.of("cipherparams.iv is not 16 bytes of hex");
    }
    if (bytes(c.getCiphertext()) != 32) {
      return Optional.of("ciphertext is not 32 bytes of hex (a private key)");
    }
    if (bytes(c.getMac()) != 32) {
      return Optional.of("mac is not 32 bytes of hex");
    }
    String kdf = String.valueOf(c.getKdf()).toLowerCase(Locale.ROOT);
    Object p = c.getKdfparams();
    if (kdf.equals("scrypt") && p instanceof WalletFile.ScryptKdfParams s) {
      return scryptMalformed(s);
    }
    if (kdf.equals("pbkdf2") && p instanceof WalletFile.Aes128CtrKdfParams a) {
      return pbkdf2Malformed(a);
    }
    if (!kdf.equals("scrypt") && !kdf.equals("pbkdf2")) {
      return Optional.of("kdf '" + c.getKdf() + "' is neither scrypt nor pbkdf2");
    }
    return Optional.of("kdfparams do not match kdf '" + c.getKdf() + "'");
  }

  /**
   * Throws unless {@code c} is well formed and its cost is allowed; {@code what} names the file.
   */
  void check(WalletFile.Crypto c, String what) {
    Optional<String> bad = malformed(c);
    if (bad.isPresent()) {
      throw new KeystoreException(
          Kind.CORRUPT,
          what + " is not a valid V3 keystore: " + bad.get() + "; restore it from your backup");
    }
    if (c.getKdfparams() instanceof WalletFile.ScryptKdfParams s) {
      checkScrypt(s, what);
    } else if (c.getKdfparams() instanceof WalletFile.Aes128CtrKdfParams a
        && a.getC() > maxPbkdf2Rounds
        && !allowExpensive) {
      throw expensive(
          what,
          "its PBKDF2 round count c = " + a.getC() + " is above the cap of " + maxPbkdf2Rounds);
    }
  }

  private void checkScrypt(WalletFile.ScryptKdfParams s, String what) {
    long work = (long) s.getN() * s.getR() * s.getP();
    // scrypt's V array is 128·r·n bytes.
    long memory = 128L * s.getR() * s.getN();
    if (!allowExpensive && s.getN() > maxScryptN) {
      throw expensive(
          what,
          "its scrypt n = "
              + pow2(s.getN())
              + " is above the cap of "
              + pow2(maxScryptN)
              + " (it needs "
              + memory / (1 << 20)
              + " MiB)");
    }
    if (!allowExpensive && work > maxScryptWork) {
      throw expensive(
          what,
          "its scrypt cost n·r·p = "
              + s.getN()
              + "·"
              + s.getR()
              + "·"
              + s.getP()
              + " is above the cap of "
              + pow2(maxScryptWork));
    }
    // Beyond what the JVM may use it would die of it, override or not.
    long max = Runtime.getRuntime().maxMemory();
    if (memory > max / 2) {
      throw new KeystoreException(
          Kind.TOO_EXPENSIVE,
          what
              + " asks for scrypt n = "
              + pow2(s.getN())
              + ", r = "
              + s.getR()
              + ": "
              + memory / (1 << 20)
              + " MiB of memory, more than half of what this program may use ("
              + max / (1 << 20)
              + " MiB); it cannot be opened here");
    }
  }

  private static Optional<String> scryptMalformed(WalletFile.ScryptKdfParams s) {
    if (s.getN() < 2 || Integer.bitCount(s.getN()) != 1) {
      return Optional.of("scrypt n = " + s.getN() + " is not a power of two of at least 2");
    }
    if (s.getR() < 1 || s.getP() < 1) {
      return Optional.of("scrypt r = " + s.getR() + ", p = " + s.getP() + " must be at least 1");
    }
    if ((long) s.getR() * s.getP() >= 1 << 30) {
      return Optional.of("scrypt r·p = " + (long) s.getR() * s.getP() + " is not below 2^30");
    }
    return common(s.getDklen(), s.getSalt());
  }

  private static Optional<String> pbkdf2Malformed(WalletFile.Aes128CtrKdfParams a) {
    if (a.getC() < 1) {
      return Optional.of("PBKDF2 round count c = " + a.getC() + " must be at least 1");
    }
    if (!"hmac-sha256".equals(a.getPrf())) {
      return Optional.of("PBKDF2 prf '" + a.getPrf() + "' is not hmac-sha256");
    }
    return common(a.getDklen(), a.getSalt());
  }

  private static Optional<String> common(int dklen, String salt) {
    if (dklen != DKLEN) {
      return Optional.of("dklen = " + dklen + ", a V3 keystore derives " + DKLEN + " bytes");
    }
    int n = bytes(salt);
    if (n < 1 || n > MAX_SALT_BYTES) {
      return Optional.of("salt is not 1 to " + MAX_SALT_BYTES + " bytes of hex");
    }
    return Optional.empty();
  }

  /** The length of a hex string in bytes, or -1 when it is not hex. */
  private static int bytes(String hex) {
    if (hex == null) {
      return -1;
    }
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (h.length() % 2 != 0) {
      return -1;
    }
    try {
      return HexFormat.of().parseHex(h).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static KeystoreException expensive(String what, String why) {
    return new KeystoreException(
        Kind.TOO_EXPENSIVE,
        what
            + ": "
            + why
            + ", so deriving its key could take very long or exhaust memory; if you trust this"
            + " file, allow it explicitly (CLI: --allow-expensive-kdf)");
  }

  private static String pow2(long v) {
    return Long.bitCount(v) == 1 ? v + " (2^" + Long.numberOfTrailingZeros(v) + ")" : "" + v;
  }
}
