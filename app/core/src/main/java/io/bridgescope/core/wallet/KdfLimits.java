package io.bridgescope.core.wallet;

import io.bridgescope.core.wallet.KeystoreException.Kind;
import java.nio.file.Path;
import org.web3j.crypto.WalletFile;

/**
 * The key-derivation cost a keystore file may ask for before any work is done. The cost comes from
 * the file, so an edited or hostile file could otherwise make unlocking run for minutes or allocate
 * gigabytes (scrypt needs 128 * n * r bytes; n = 2^24 ran out of memory, n = 2^21 took a minute).
 * The limits leave room above what wallets write: geth's standard scrypt (n = 2^18, r = 8, p = 1,
 * 256 MiB) and PBKDF2 (c = 2^18).
 */
final class KdfLimits {

  static final int MAX_SCRYPT_N = 1 << 20;
  static final long MAX_SCRYPT_MEMORY = 256L << 20;
  static final long MAX_SCRYPT_WORK = 1L << 24; // n * r * p; the standard is 2^21
  static final int MAX_PBKDF2_ROUNDS = 1 << 20;
  static final int MIN_DKLEN = 32; // the MAC uses bytes 16..32 of the derived key
  static final int MAX_DKLEN = 64;

  private KdfLimits() {}

  /** Refuses parameters outside the limits with a message naming the file and the parameter. */
  static void check(Path file, WalletFile wf) {
    Object params = wf.getCrypto().getKdfparams();
    if (params instanceof WalletFile.ScryptKdfParams s) {
      scrypt(file, s.getN(), s.getR(), s.getP());
      dklen(file, s.getDklen());
    } else if (params instanceof WalletFile.Aes128CtrKdfParams a) {
      if (a.getC() < 1 || a.getC() > MAX_PBKDF2_ROUNDS) {
        throw refused(file, "pbkdf2 c = " + a.getC() + " is outside 1.." + MAX_PBKDF2_ROUNDS);
      }
      dklen(file, a.getDklen());
    }
  }

  private static void scrypt(Path file, long n, long r, long p) {
    if (n < 2 || Long.bitCount(n) != 1) {
      throw refused(file, "scrypt n = " + n + " is not a power of two");
    }
    if (r < 1 || p < 1) {
      throw refused(file, "scrypt r = " + r + " and p = " + p + " must be positive");
    }
    if (n > MAX_SCRYPT_N) {
      throw refused(file, "scrypt n = " + n + " is more than 2^20");
    }
    long memory = 128 * n * r; // n <= 2^20 and r < 2^31: no overflow
    if (memory > MAX_SCRYPT_MEMORY) {
      throw refused(
          file,
          "scrypt n = "
              + n
              + ", r = "
              + r
              + " needs "
              + mib(memory)
              + " of memory, more than "
              + mib(MAX_SCRYPT_MEMORY));
    }
    long work = n * r * p; // n * r <= 2^21 here
    if (work > MAX_SCRYPT_WORK) {
      throw refused(file, "scrypt n * r * p = " + work + " is more than " + MAX_SCRYPT_WORK);
    }
  }

  private static void dklen(Path file, int dklen) {
    if (dklen < MIN_DKLEN || dklen > MAX_DKLEN) {
      throw refused(file, "dklen = " + dklen + " is outside " + MIN_DKLEN + ".." + MAX_DKLEN);
    }
  }

  private static KeystoreException refused(Path file, String why) {
    return new KeystoreException(
        Kind.CORRUPT,
        "keystore file "
            + file
            + " asks for a key-derivation cost Bridgescope does not run: "
            + why
            + " (wallets write n = 2^18, r = 8, p = 1 or c = 2^18)");
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
