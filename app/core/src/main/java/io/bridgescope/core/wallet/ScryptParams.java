package io.bridgescope.core.wallet;

/**
 * The scrypt cost of new keystore files. {@link #STANDARD} (n = 262144, p = 1, as geth and web3j's
 * {@code Wallet.createStandard}) is the only value the application uses; cheaper values exist so
 * tests can create many keys quickly and must be passed explicitly.
 */
public record ScryptParams(int n, int p) {

  public static final ScryptParams STANDARD = new ScryptParams(262_144, 1);

  public ScryptParams {
    if (n < 2 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("scrypt n must be a power of two >= 2, got " + n);
    }
    if (p < 1) {
      throw new IllegalArgumentException("scrypt p must be positive, got " + p);
    }
  }

  /** For tests only: about a thousand times cheaper than {@link #STANDARD}. */
  public static ScryptParams lightForTests() {
    return new ScryptParams(1 << 8, 1);
  }
}
