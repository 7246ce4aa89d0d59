package io.bridgescope.crypto.bn254;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-scalar multiplication {@code sum k_i P_i} in G1 by Straus's interleaving: one shared
 * doubling chain for all points, each point adding its width-{@value #WIDTH} NAF digits from a
 * small table of odd multiples. For the 128-bit weights of a batch signature check this costs about
 * a quarter of separate scalar multiplications.
 */
final class G1Msm {

  /** Window width: tables of P, 3P, 5P, 7P; one non-zero digit per ~5 bits. */
  private static final int WIDTH = 4;

  private G1Msm() {}

  static G1Point sum(List<G1Point> points, List<BigInteger> scalars) {
    int n = points.size();
    if (scalars.size() != n) {
      throw new IllegalArgumentException("as many scalars as points");
    }
    int half = 1 << (WIDTH - 2); // odd multiples 1, 3, .., 2^(WIDTH-1) - 1
    List<G1Point> table = new ArrayList<>(n * half);
    int[][] digits = new int[n][];
    int length = 0;
    for (int i = 0; i < n; i++) {
      G1Point p = points.get(i);
      G1Point twice = p.twice();
      G1Point odd = p;
      for (int j = 0; j < half; j++) {
        table.add(odd);
        odd = odd.add(twice);
      }
      digits[i] = wnaf(scalars.get(i));
      length = Math.max(length, digits[i].length);
    }
    // one inversion makes every table entry affine, so each digit costs a mixed addition
    G1Point[] affine = G1Point.normalizeAll(table);
    G1Point acc = G1Point.infinity();
    for (int bit = length - 1; bit >= 0; bit--) {
      acc = acc.twice();
      for (int i = 0; i < n; i++) {
        int d = bit < digits[i].length ? digits[i][bit] : 0;
        if (d > 0) {
          acc = acc.addAffine(affine[i * half + (d >> 1)]);
        } else if (d < 0) {
          acc = acc.addAffine(affine[i * half + (-d >> 1)].negate());
        }
      }
    }
    return acc;
  }

  /** Width-w NAF digits of k >= 0, lowest first: odd digits in (-2^(w-1), 2^(w-1)), else zero. */
  static int[] wnaf(BigInteger k) {
    if (k.signum() < 0) {
      throw new IllegalArgumentException("negative scalar");
    }
    int[] out = new int[k.bitLength() + 1];
    int mod = 1 << WIDTH;
    int n = 0;
    while (k.signum() > 0) {
      int d = 0;
      if (k.testBit(0)) {
        d = k.intValue() & (mod - 1);
        if (d >= mod / 2) {
          d -= mod;
        }
        k = k.subtract(BigInteger.valueOf(d));
      }
      out[n++] = d;
      k = k.shiftRight(1);
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
