package io.bridgescope.core.wallet;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A key store problem a user can act on. Messages name the key and file but never contain a
 * password, a private key or a mnemonic.
 */
public final class KeystoreException extends RuntimeException {

  /** What went wrong, for callers that branch (e.g. ask for the password again). */
  public enum Kind {
    WRONG_PASSWORD,
    /** The file is not a readable V3 keystore, or decrypts to another address. */
    CORRUPT,
    /** The key or the name is already in the store. */
    DUPLICATE,
    NOT_FOUND,
    /** A malformed private key, mnemonic, derivation path or name. */
    INVALID_INPUT,
    /**
     * The file's key derivation costs more than the caps ({@link KdfLimits}) allow without an
     * explicit override, or more memory than this program has.
     */
    TOO_EXPENSIVE,
    IO
  }

  private final Kind kind;

  public KeystoreException(Kind kind, String message) {
    this(kind, message, null);
  }

  public KeystoreException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
