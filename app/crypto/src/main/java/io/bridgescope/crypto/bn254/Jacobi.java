package io.bridgescope.crypto.bn254;

/**
 * The Legendre symbol of a field element by the binary Jacobi-symbol algorithm on four 64-bit
 * limbs: a few hundred shifts and subtractions instead of the 250-squaring power {@code
 * a^((p-1)/2)}. Hash-to-point asks it of t and of each candidate's {@code x^3 + b}, and then takes
 * the one square root it needs.
 */
final class Jacobi {

  private Jacobi() {}

  /** (a / p) for the canonical value {@code a} (little-endian limbs, below p): 1, -1 or 0. */
  static int legendre(long[] a) {
    long[] x = a.clone();
    long[] n = {Fp.P0, Fp.P1, Fp.P2, Fp.P3};
    int t = 1;
    while (!isZero(x)) {
      int k = trailingZeros(x);
      shiftRight(x, k);
      // (2/n) = -1 exactly when n = 3 or 5 (mod 8)
      long n8 = n[0] & 7;
      if ((k & 1) == 1 && (n8 == 3 || n8 == 5)) {
        t = -t;
      }
      if (lessThan(x, n)) {
        long[] s = x;
        x = n;
        n = s;
        // quadratic reciprocity for odd x and n
        if ((x[0] & 3) == 3 && (n[0] & 3) == 3) {
          t = -t;
        }
      }
      subtract(x, n); // x - n = x (mod n), and even
    }
    boolean one = n[0] == 1 && n[1] == 0 && n[2] == 0 && n[3] == 0;
    return one ? t : 0;
  }

  private static boolean isZero(long[] x) {
    return (x[0] | x[1] | x[2] | x[3]) == 0;
  }

  private static int trailingZeros(long[] x) {
    for (int i = 0; i < 4; i++) {
      if (x[i] != 0) {
        return 64 * i + Long.numberOfTrailingZeros(x[i]);
      }
    }
    return 256;
  }

  private static void shiftRight(long[] x, int k) {
    int words = k >>> 6;
    int bits = k & 63;
    for (int i = 0; i < 4; i++) {
      long lo = i + words < 4 ? x[i + words] : 0;
      long hi = i + words + 1 < 4 ? x[i + words + 1] : 0;
      x[i] = bits == 0 ? lo : (lo >>> bits) | (hi << (64 - bits));
    }
  }

  private static boolean lessThan(long[] x, long[] y) {
    for (int i = 3; i >= 0; i--) {
      if (x[i] != y[i]) {
        return Long.compareUnsigned(x[i], y[i]) < 0;
      }
    }
    return false;
  }

  /** x -= y for x >= y. */
  private static void subtract(long[] x, long[] y) {
    long borrow = 0;
    for (int i = 0; i < 4; i++) {
      long d = x[i] - y[i] - borrow;
      borrow = ((~x[i] & y[i]) | (~(x[i] ^ y[i]) & d)) >>> 63;
      x[i] = d;
    }
  }
}
