package io.bridgescope.crypto.bn254;

import static io.bridgescope.crypto.bn254.Fp.INV;
import static io.bridgescope.crypto.bn254.Fp.P0;
import static io.bridgescope.crypto.bn254.Fp.P1;
import static io.bridgescope.crypto.bn254.Fp.P2;
import static io.bridgescope.crypto.bn254.Fp.P3;

/**
 * Montgomery multiplication of four-limb field elements: the hot loop of everything in this
 * package. Java 17 has no unsigned 64x64 -> 128 multiply, so the high word is derived from the
 * signed {@link Math#multiplyHigh}.
 */
final class Montgomery {

  private Montgomery() {}

  static long umulhi(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** 1 when the unsigned addition that produced {@code sum} from {@code addend} wrapped around. */
  static long carry(long sum, long addend) {
    // unsigned sum < addend, written with sign flips: much faster on C2 than compareUnsigned
    return ((sum ^ Long.MIN_VALUE) < (addend ^ Long.MIN_VALUE)) ? 1L : 0L;
  }

  /** Montgomery product (CIOS, unrolled; the final carry word is not needed because p < 2^254). */
  static Fp mul(Fp a, Fp b) {
    final long a0 = a.l0;
    final long a1 = a.l1;
    final long a2 = a.l2;
    final long a3 = a.l3;
    final long b0 = b.l0;
    final long b1 = b.l1;
    final long b2 = b.l2;
    final long b3 = b.l3;
    long t0, t1, t2, t3, lo, hi, s, m, ca, cc;
    // round 0
    lo = a0 * b0;
    hi = umulhi(a0, b0);
    t0 = lo;
    ca = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = umulhi(m, P0);
    s = lo + t0;
    cc = hi + carry(s, lo);
    lo = a1 * b0;
    hi = umulhi(a1, b0);
    s = lo + ca;
    hi += carry(s, lo);
    t1 = s;
    ca = hi;
    lo = m * P1;
    hi = umulhi(m, P1);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t0 = lo;
    cc = hi;
    lo = a2 * b0;
    hi = umulhi(a2, b0);
    s = lo + ca;
    hi += carry(s, lo);
    t2 = s;
    ca = hi;
    lo = m * P2;
    hi = umulhi(m, P2);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t1 = lo;
    cc = hi;
    lo = a3 * b0;
    hi = umulhi(a3, b0);
    s = lo + ca;
    hi += carry(s, lo);
    t3 = s;
    ca = hi;
    lo = m * P3;
    hi = umulhi(m, P3);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t2 = lo;
    cc = hi;
    t3 = cc + ca;
    // round 1
    lo = a0 * b1;
    hi = umulhi(a0, b1);
    s = lo + t0;
    hi += carry(s, lo);
    t0 = s;
    ca = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = umulhi(m, P0);
    s = lo + t0;
    cc = hi + carry(s, lo);
    lo = a1 * b1;
    hi = umulhi(a1, b1);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t1 = lo;
    ca = hi;
    lo = m * P1;
    hi = umulhi(m, P1);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t0 = lo;
    cc = hi;
    lo = a2 * b1;
    hi = umulhi(a2, b1);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t2 = lo;
    ca = hi;
    lo = m * P2;
    hi = umulhi(m, P2);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t1 = lo;
    cc = hi;
    lo = a3 * b1;
    hi = umulhi(a3, b1);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t3 = lo;
    ca = hi;
    lo = m * P3;
    hi = umulhi(m, P3);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t2 = lo;
    cc = hi;
    t3 = cc + ca;
    // round 2
    lo = a0 * b2;
    hi = umulhi(a0, b2);
    s = lo + t0;
    hi += carry(s, lo);
    t0 = s;
    ca = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = umulhi(m, P0);
    s = lo + t0;
    cc = hi + carry(s, lo);
    lo = a1 * b2;
    hi = umulhi(a1, b2);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t1 = lo;
    ca = hi;
    lo = m * P1;
    hi = umulhi(m, P1);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t0 = lo;
    cc = hi;
    lo = a2 * b2;
    hi = umulhi(a2, b2);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t2 = lo;
    ca = hi;
    lo = m * P2;
    hi = umulhi(m, P2);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t1 = lo;
    cc = hi;
    lo = a3 * b2;
    hi = umulhi(a3, b2);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t3 = lo;
    ca = hi;
    lo = m * P3;
    hi = umulhi(m, P3);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t2 = lo;
    cc = hi;
    t3 = cc + ca;
    // round 3
    lo = a0 * b3;
    hi = umulhi(a0, b3);
    s = lo + t0;
    hi += carry(s, lo);
    t0 = s;
    ca = hi;
    m = t0 * INV;
    lo = m * P0;
    hi = umulhi(m, P0);
    s = lo + t0;
    cc = hi + carry(s, lo);
    lo = a1 * b3;
    hi = umulhi(a1, b3);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t1 = lo;
    ca = hi;
    lo = m * P1;
    hi = umulhi(m, P1);
    s = lo + t1;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t0 = lo;
    cc = hi;
    lo = a2 * b3;
    hi = umulhi(a2, b3);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t2 = lo;
    ca = hi;
    lo = m * P2;
    hi = umulhi(m, P2);
    s = lo + t2;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t1 = lo;
    cc = hi;
    lo = a3 * b3;
    hi = umulhi(a3, b3);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + ca;
    hi += carry(lo, s);
    t3 = lo;
    ca = hi;
    lo = m * P3;
    hi = umulhi(m, P3);
    s = lo + t3;
    hi += carry(s, lo);
    lo = s + cc;
    hi += carry(lo, s);
    t2 = lo;
    cc = hi;
    t3 = cc + ca;
    return Fp.subtractPIfNeeded(t0, t1, t2, t3);
  }
}
