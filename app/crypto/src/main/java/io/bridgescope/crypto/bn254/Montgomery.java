package io.bridgescope.crypto.bn254;

import static io.bridgescope.crypto.bn254.Fp.INV;
import static io.bridgescope.crypto.bn254.Fp.P0;
import static io.bridgescope.crypto.bn254.Fp.P1;
import static io.bridgescope.crypto.bn254.Fp.P2;
import static io.bridgescope.crypto.bn254.Fp.P3;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Montgomery multiplication of four-limb field elements: the hot loop of everything in this
 * package.
 *
 * <p>The high word of an unsigned 64x64-bit product comes from {@code Math.unsignedMultiplyHigh}
 * where the running JDK has it (added in Java 18, an intrinsic on x86-64 in current JDKs: one MUL
 * instruction instead of a signed multiply and two corrections), found once through a method handle
 * because the code is compiled for Java 17; on Java 17 it is derived from the signed {@link
 * Math#multiplyHigh} with two corrections. C2 folds the choice (a static final) and inlines the
 * handle, so the Java 17 path costs nothing extra. See docs/decisions/0010.
 */
final class Montgomery {

  private static final @Nullable MethodHandle UNSIGNED_MULTIPLY_HIGH = unsignedMultiplyHigh();
  private static final boolean NATIVE_UMULHI = UNSIGNED_MULTIPLY_HIGH != null;

  private Montgomery() {}

  private static @Nullable MethodHandle unsignedMultiplyHigh() {
    // -Dbridgescope.bn254.signedMultiplyHigh=true forces the Java 17 path, so a benchmark can
    // measure the intrinsic's gain on one JDK.
    if (Boolean.getBoolean("bridgescope.bn254.signedMultiplyHigh")) {
      return null;
    }
    return findUnsignedMultiplyHigh(Math.class); // null on Java 17
  }

  /**
   * {@code owner.unsignedMultiplyHigh(long, long)} as a handle of the exact type {@link #umulhi}
   * invokes, or null when {@code owner} has none; tests pass a class of their own to exercise the
   * handle path on Java 17.
   */
  static @Nullable MethodHandle findUnsignedMultiplyHigh(Class<?> owner) {
    try {
      return MethodHandles.publicLookup()
          .findStatic(
              owner,
              "unsignedMultiplyHigh",
              MethodType.methodType(long.class, long.class, long.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  /**
   * The high word through {@code handle}, invoked exactly as {@link #umulhi} invokes the JDK's
   * (that one stays a constant field read in the hot loop, which C2 inlines); for tests.
   */
  static long umulhiThrough(MethodHandle handle, long a, long b) {
    try {
      return (long) handle.invokeExact(a, b);
    } catch (Throwable e) {
      throw new IllegalStateException("unsignedMultiplyHigh failed", e);
    }
  }

  /** Whether the running JDK's unsigned multiply-high is used (for benchmarks to report). */
  static boolean nativeUnsignedMultiplyHigh() {
    return NATIVE_UMULHI;
  }

  // NATIVE_UMULHI is true exactly when the handle is not null; the hot path keeps no extra check
  @SuppressWarnings("NullAway")
  static long umulhi(long a, long b) {
    if (NATIVE_UMULHI) {
      try {
        return (long) UNSIGNED_MULTIPLY_HIGH.invokeExact(a, b);
      } catch (Throwable e) {
        throw new IllegalStateException("Math.unsignedMultiplyHigh failed", e);
      }
    }
    return signedUmulhi(a, b);
  }

  /** The unsigned high word from the signed one: Java 17's path, and the reference in tests. */
  static long signedUmulhi(long a, long b) {
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
