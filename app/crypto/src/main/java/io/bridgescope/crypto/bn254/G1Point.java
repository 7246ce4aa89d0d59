package io.bridgescope.crypto.bn254;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.List;

/**
 * A point of G1 = E(F_p), E: y^2 = x^3 + 3 (prime order r, cofactor 1). Edge BLS signatures and
 * hashed messages live here. Immutable; held in Jacobian coordinates (x = X/Z^2, y = Y/Z^3).
 *
 * <p>Encoding: 64 bytes {@code x ‖ y}, each a 32-byte big-endian integer, the layout of the EVM
 * precompiles and of Edge's {@code uint256[2] signature}. The point at infinity encodes as 64 zero
 * bytes but is never accepted by a decoder.
 *
 * <p>Scalar multiplication is not constant time.
 */
public final class G1Point {

  /** Encoded length in bytes. */
  public static final int ENCODED_LENGTH = 64;

  static final Fp B = Fp.of(3);

  private static final G1Point INFINITY = new G1Point(Fp.ONE, Fp.ONE, Fp.ZERO);
  private static final G1Point GENERATOR = new G1Point(Fp.of(1), Fp.of(2), Fp.ONE);

  final Fp x;
  final Fp y;
  final Fp z;

  G1Point(Fp x, Fp y, Fp z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The generator (1, 2). */
  public static G1Point generator() {
    return GENERATOR;
  }

  /** The neutral element. */
  public static G1Point infinity() {
    return INFINITY;
  }

  /** The affine point (x, y), validated like {@link #fromBytes(byte[], String)}. */
  public static G1Point of(BigInteger x, BigInteger y, String field) {
    return fromAffine(Codec.checkFp(x, field, "x"), Codec.checkFp(y, field, "y"), field);
  }

  /** Decodes {@code x ‖ y}; see {@link #fromBytes(byte[], String)}. */
  public static G1Point fromBytes(byte[] bytes) {
    return fromBytes(bytes, "G1 point");
  }

  /**
   * Decodes the 64-byte encoding {@code x ‖ y}.
   *
   * @param field named in the exception message, e.g. {@code "signature"}
   * @throws InvalidEncodingException on a wrong length, a coordinate not below p, the point at
   *     infinity (0, 0) or a point not on the curve
   */
  public static G1Point fromBytes(byte[] bytes, String field) {
    Codec.requireLength(bytes, ENCODED_LENGTH, field);
    return fromAffine(
        Codec.readFp(bytes, 0, field, "x"), Codec.readFp(bytes, 32, field, "y"), field);
  }

  /** Decodes {@code uint256[2] = [x, y]} with the same checks as {@link #fromBytes}. */
  public static G1Point fromUint256Array(BigInteger[] xy, String field) {
    Codec.requireCount(xy, 2, field);
    return of(xy[0], xy[1], field);
  }

  private static G1Point fromAffine(Fp x, Fp y, String field) {
    if (x.isZero() && y.isZero()) {
      throw new InvalidEncodingException(field, "is the point at infinity");
    }
    if (!y.sqr().equals(x.sqr().mul(x).add(B))) {
      throw new InvalidEncodingException(field, "point is not on the curve y^2 = x^3 + 3");
    }
    return new G1Point(x, y, Fp.ONE);
  }

  public boolean isInfinity() {
    return z.isZero();
  }

  /** Whether the point satisfies the curve equation (always true for points built by this API). */
  boolean isOnCurve() {
    if (isInfinity()) {
      return true;
    }
    Fp z2 = z.sqr();
    Fp z6 = z2.sqr().mul(z2);
    return y.sqr().equals(x.sqr().mul(x).add(B.mul(z6)));
  }

  /** This point with Z = 1 (or the point at infinity). */
  G1Point normalize() {
    if (isInfinity() || z.isOne()) {
      return this;
    }
    Fp zi = z.inverse();
    Fp zi2 = zi.sqr();
    return new G1Point(x.mul(zi2), y.mul(zi2).mul(zi), Fp.ONE);
  }

  /** Affine x; 0 for the point at infinity (EVM convention). */
  public BigInteger x() {
    return isInfinity() ? BigInteger.ZERO : normalize().x.toBigInteger();
  }

  /** Affine y; 0 for the point at infinity (EVM convention). */
  public BigInteger y() {
    return isInfinity() ? BigInteger.ZERO : normalize().y.toBigInteger();
  }

  /** The 64-byte encoding {@code x ‖ y}. */
  public byte[] toBytes() {
    byte[] out = new byte[ENCODED_LENGTH];
    Codec.writeWord(x(), out, 0);
    Codec.writeWord(y(), out, 32);
    return out;
  }

  /** {@code [x, y]}, the on-chain {@code uint256[2]} order. */
  public BigInteger[] toUint256Array() {
    return new BigInteger[] {x(), y()};
  }

  public G1Point negate() {
    return isInfinity() ? this : new G1Point(x, y.neg(), z);
  }

  /** Jacobian doubling for a = 0 (dbl-2009-l). */
  G1Point twice() {
    if (isInfinity()) {
      return this;
    }
    Fp a = x.sqr();
    Fp b = y.sqr();
    Fp c = b.sqr();
    Fp d = x.add(b).sqr().sub(a).sub(c).dbl();
    Fp e = a.dbl().add(a);
    Fp f = e.sqr();
    Fp x3 = f.sub(d.dbl());
    Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp z3 = y.mul(z).dbl();
    return new G1Point(x3, y3, z3);
  }

  /** Jacobian addition (add-2007-bl), falling back to doubling for equal points. */
  public G1Point add(G1Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    Fp z1z1 = z.sqr();
    Fp z2z2 = o.z.sqr();
    Fp u1 = x.mul(z2z2);
    Fp u2 = o.x.mul(z1z1);
    Fp s1 = y.mul(o.z).mul(z2z2);
    Fp s2 = o.y.mul(z).mul(z1z1);
    Fp h = u2.sub(u1);
    Fp r = s2.sub(s1).dbl();
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fp i = h.dbl().sqr();
    Fp j = h.mul(i);
    Fp v = u1.mul(i);
    Fp x3 = r.sqr().sub(j).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp z3 = z.add(o.z).sqr().sub(z1z1).sub(z2z2).mul(h);
    return new G1Point(x3, y3, z3);
  }

  /**
   * this + q for an affine q (Z = 1): mixed addition (madd-2007-bl), 7M + 4S instead of 11M + 5S.
   */
  G1Point addAffine(G1Point q) {
    if (q.isInfinity()) {
      return this;
    }
    if (isInfinity()) {
      return q;
    }
    Fp z1z1 = z.sqr();
    Fp u2 = q.x.mul(z1z1);
    Fp s2 = q.y.mul(z).mul(z1z1);
    Fp h = u2.sub(x);
    Fp r = s2.sub(y).dbl();
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fp hh = h.sqr();
    Fp i = hh.dbl().dbl();
    Fp j = h.mul(i);
    Fp v = x.mul(i);
    Fp x3 = r.sqr().sub(j).sub(v.dbl());
    Fp y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    Fp z3 = z.add(h).sqr().sub(z1z1).sub(hh);
    return new G1Point(x3, y3, z3);
  }

  /** {@code k * this} for any integer k (not reduced modulo r; negative k negates). */
  public G1Point multiply(BigInteger k) {
    if (k.signum() < 0) {
      return negate().multiply(k.negate());
    }
    // An affine base (a decoded signature, a hashed message) takes the cheaper mixed addition.
    G1Point base = normalize();
    int[] naf = Naf.of(k);
    G1Point neg = base.negate();
    G1Point acc = INFINITY;
    for (int i = naf.length - 1; i >= 0; i--) {
      acc = acc.twice();
      if (naf[i] > 0) {
        acc = acc.addAffine(base);
      } else if (naf[i] < 0) {
        acc = acc.addAffine(neg);
      }
    }
    return acc;
  }

  /** The points with Z = 1, normalized with one field inversion for all (Montgomery's trick). */
  static G1Point[] normalizeAll(List<G1Point> points) {
    int n = points.size();
    G1Point[] out = new G1Point[n];
    Fp[] prefix = new Fp[n]; // product of the Z of the finite, non-affine points before i
    Fp acc = Fp.ONE;
    for (int i = 0; i < n; i++) {
      prefix[i] = acc;
      G1Point p = points.get(i);
      if (!p.isInfinity() && !p.z.isOne()) {
        acc = acc.mul(p.z);
      }
    }
    Fp inv = acc.inverse();
    for (int i = n - 1; i >= 0; i--) {
      G1Point p = points.get(i);
      if (p.isInfinity() || p.z.isOne()) {
        out[i] = p;
        continue;
      }
      Fp zi = inv.mul(prefix[i]); // 1 / z_i
      inv = inv.mul(p.z);
      Fp zi2 = zi.sqr();
      out[i] = new G1Point(p.x.mul(zi2), p.y.mul(zi2).mul(zi), Fp.ONE);
    }
    return out;
  }

  /** Equality of the underlying points, whatever their Jacobian representatives. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof G1Point other)) {
      return false;
    }
    if (isInfinity() || other.isInfinity()) {
      return isInfinity() && other.isInfinity();
    }
    Fp z1z1 = z.sqr();
    Fp z2z2 = other.z.sqr();
    return x.mul(z2z2).equals(other.x.mul(z1z1))
        && y.mul(z2z2).mul(other.z).equals(other.y.mul(z1z1).mul(z));
  }

  @Override
  public int hashCode() {
    return isInfinity() ? 0 : normalize().x.hashCode();
  }

  @Override
  public String toString() {
    return isInfinity() ? "G1(infinity)" : "G1(" + x() + ", " + y() + ")";
  }
}
