package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.TransactionType;

/**
 * A decrypted key for the duration of one signing call: open it with {@link Keystore#unlock(String,
 * char[])} in a try-with-resources block and let it close.
 *
 * <p>Limits of clearing: web3j keeps the private key as an immutable {@code BigInteger} inside
 * {@code ECKeyPair}; it cannot be zeroed, only dropped. {@link #close()} drops the only reference
 * this application holds so the garbage collector can reclaim it; until then it stays in the heap.
 * The byte arrays this package creates on the way (raw key bytes, mnemonic seeds) are zeroed.
 */
public final class KeySession implements AutoCloseable {

  private final KeyInfo key;
  private @Nullable Credentials credentials;

  KeySession(KeyInfo key, Credentials credentials) {
    this.key = key;
    this.credentials = credentials;
  }

  public KeyInfo key() {
    return key;
  }

  public Address address() {
    return key.address();
  }

  /** Signs {@code tx} (EIP-1559 carries its chain id; legacy uses EIP-155 with {@code chainId}). */
  public byte[] sign(RawTransaction tx, long chainId) {
    if (credentials == null) {
      throw new IllegalStateException("key " + key.describe() + " is locked again");
    }
    return tx.getType() == TransactionType.LEGACY
        ? TransactionEncoder.signMessage(tx, chainId, credentials)
        : TransactionEncoder.signMessage(tx, credentials);
  }

  /**
   * Signs {@code message} as an EIP-191 personal message ({@code "\x19Ethereum Signed Message:\n" +
   * length + message}); returns {@code r ‖ s ‖ v} (65 bytes, v = 27 or 28).
   */
  public byte[] signPersonalMessage(byte[] message) {
    if (credentials == null) {
      throw new IllegalStateException("key " + key.describe() + " is locked again");
    }
    Sign.SignatureData d = Sign.signPrefixedMessage(message, credentials.getEcKeyPair());
    byte[] out = new byte[65];
    System.arraycopy(d.getR(), 0, out, 0, 32);
    System.arraycopy(d.getS(), 0, out, 32, 32);
    out[64] = d.getV()[0];
    return out;
  }

  @Override
  public void close() {
    credentials = null;
  }

  @Override
  public String toString() {
    return "KeySession[" + key.describe() + "]";
  }
}
