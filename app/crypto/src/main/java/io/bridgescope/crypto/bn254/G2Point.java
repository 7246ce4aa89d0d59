package io.bridgescope.crypto.bn254;

import io.bridgescope.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A point of G2, the order-r subgroup of the sextic twist E'(F_p2): y^2 = x^3 + 3/(9 + u). Edge BLS
 * public keys live here. Immutable; held in Jacobian coordinates.
 *
 * <p>Encodings (see docs/protocol.md, "BLS (Edge flavour)"): 128 bytes in EVM precompile order
 * {@code x.imag ‖ x.real ‖ y.imag ‖ y.real}, and the on-chain {@code uint256[4] blsKey = [x.real,
 * x.imag, y.real, y.imag]}. Decoders check length, canonical coordinates, infinity, the curve
 * equation and subgroup membership.
 *
 * <p>Scalar multiplication is not constant time.
 */
public final class G2Point {

  /** Encoded length in bytes. */
  public static final int ENCODED_LENGTH = 128;

  /** The twist coefficient b' = 3 / xi. */
  static final Fp2 B = new Fp2(Fp.of(3), Fp.ZERO).mul(Fp2.XI.inverse());

  // psi = untwist-Frobenius-twist: (x, y) -> (conj(x) * xi^((p-1)/3), conj(y) * xi^((p-1)/2)).
  static final Fp2 PSI_X = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
  static final Fp2 PSI_Y = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).shiftRight(1));

  /** 6x^2 = t - 1 = p mod r, the eigenvalue of psi on G2. */
  private static final BigInteger SIX_X_SQUARED =
      Bn254.X.multiply(Bn254.X).multiply(BigInteger.valueOf(6));

  private static final G2Point INFINITY = new G2Point(Fp2.ONE, Fp2.ONE, Fp2.ZERO);
  private static final G2Point GENERATOR =
      new G2Point(
          Fp2.of(
              new BigInteger(
                  "10857046999023057135944570762232829481370756359578518086990519993285655852781"),
              new BigInteger(
                  "11559732032986387107991004021392285783925812861821192530917403151452391805634")),
          Fp2.of(
              new BigInteger(
                  "8495653923123431417604973247489272438418190587263600148770280649306958101930"),
              new BigInteger(
                  "4082367875863433681332203403145435568316851327593401208105741076214120093531")),
          Fp2.ONE);

  final Fp2 x;
  final Fp2 y;
  final Fp2 z;

  G2Point(Fp2 x, Fp2 y, Fp2 z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** The generator used by the EVM precompile and by Edge. */
  public static G2Point generator() {
    return GENERATOR;
  }

  public static G2Point infinity() {
    return INFINITY;
  }

  /** Decodes the 128-byte EVM encoding; see {@link #fromEvmBytes(byte[], String)}. */
  public static G2Point fromEvmBytes(byte[] bytes) {
    return fromEvmBytes(bytes, "G2 point");
  }

  /**
   * Decodes {@code x.imag ‖ x.real ‖ y.imag ‖ y.real}, each 32 bytes big-endian.
   *
   * @param field named in the exception message, e.g. {@code "publicKey"}
   * @throws InvalidEncodingException on a wrong length, a coordinate not below p, the point at
   *     infinity (all zero), a point off the twist or outside the order-r subgroup
   */
  public static G2Point fromEvmBytes(byte[] bytes, String field) {
    Codec.requireLength(bytes, ENCODED_LENGTH, field);
    Fp xi = Codec.readFp(bytes, 0, field, "x.imag");
    Fp xr = Codec.readFp(bytes, 32, field, "x.real");
    Fp yi = Codec.readFp(bytes, 64, field, "y.imag");
    Fp yr = Codec.readFp(bytes, 96, field, "y.real");
    return fromAffine(new Fp2(xr, xi), new Fp2(yr, yi), field);
  }

  /**
   * Decodes the on-chain {@code uint256[4] = [x.real, x.imag, y.real, y.imag]} with the same checks
   * as {@link #fromEvmBytes(byte[], String)}.
   */
  public static G2Point fromUint256Array(BigInteger[] words, String field) {
    Codec.requireCount(words, 4, field);
    Fp xr = Codec.checkFp(words[0], field, "x.real");
    Fp xi = Codec.checkFp(words[1], field, "x.imag");
    Fp yr = Codec.checkFp(words[2], field, "y.real");
    Fp yi = Codec.checkFp(words[3], field, "y.imag");
    return fromAffine(new Fp2(xr, xi), new Fp2(yr, yi), field);
  }

  private static G2Point fromAffine(Fp2 x, Fp2 y, String field) {
    if (x.isZero() && y.isZero()) {
      throw new InvalidEncodingException(field, "is the point at infinity");
    }
    G2Point p = new G2Point(x, y, Fp2.ONE);
    if (!p.isOnCurve()) {
      throw new InvalidEncodingException(field, "point is not on the twist curve");
    }
    if (!p.isInSubgroup()) {
      throw new InvalidEncodingException(field, "point is not in the order-r subgroup G2");
    }
    return p;
  }

  public boolean isInfinity() {
    return z.isZero();
  }

  /** Whether the point satisfies the twist equation Y^2 = X^3 + b' Z^6. */
  boolean isOnCurve() {
    if (isInfinity()) {
      return true;
    }
    Fp2 z2 = z.sqr();
    Fp2 z6 = z2.sqr().mul(z2);
    return y.sqr().equals(x.sqr().mul(x).add(B.mul(z6)));
  }

  /**
   * Whether the point lies in G2, the order-r subgroup. The twist has order r * (2p - r), so points
   * on the curve may lie outside G2; such points must never be accepted as public keys.
   *
   * <p>Tested as psi(P) == [6x^2]P. psi satisfies psi^2 - t psi + p = 0 with trace t = 6x^2 + 1, so
   * psi(P) = [t - 1]P gives [(t - 1)^2 - t(t - 1) + p]P = [p + 1 - t]P = [r]P = O; conversely psi
   * acts on G2 as p = t - 1 (mod r). This costs a 128-bit instead of a 254-bit scalar
   * multiplication; {@link #hasOrderDividingR()} is the plain check it is tested against.
   */
  public boolean isInSubgroup() {
    return psi().equals(multiply(SIX_X_SQUARED));
  }

  /** r * P == O, the definition of subgroup membership (slower than {@link #isInSubgroup()}). */
  boolean hasOrderDividingR() {
    return multiply(Bn254.CURVE_ORDER).isInfinity();
  }

  /** The endomorphism psi in Jacobian coordinates: (conj(X) * PSI_X, conj(Y) * PSI_Y, conj(Z)). */
  G2Point psi() {
    return new G2Point(x.conjugate().mul(PSI_X), y.conjugate().mul(PSI_Y), z.conjugate());
  }

  G2Point normalize() {
    if (isInfinity() || z.equals(Fp2.ONE)) {
      return this;
    }
    Fp2 zi = z.inverse();
    Fp2 zi2 = zi.sqr();
    return new G2Point(x.mul(zi2), y.mul(zi2).mul(zi), Fp2.ONE);
  }

  /** {@code x.imag ‖ x.real ‖ y.imag ‖ y.real}; all zero for the point at infinity. */
  public byte[] toEvmBytes() {
    BigInteger[] w = toUint256Array();
    byte[] out = new byte[ENCODED_LENGTH];
    Codec.writeWord(w[1], out, 0);
    Codec.writeWord(w[0], out, 32);
    Codec.writeWord(w[3], out, 64);
    Codec.writeWord(w[2], out, 96);
    return out;
  }

  /** {@code [x.real, x.imag, y.real, y.imag]}, the on-chain {@code uint256[4] blsKey} order. */
  public BigInteger[] toUint256Array() {
    if (isInfinity()) {
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }
    G2Point n = normalize();
    return new BigInteger[] {
      n.x.c0.toBigInteger(), n.x.c1.toBigInteger(), n.y.c0.toBigInteger(), n.y.c1.toBigInteger()
    };
  }

  public G2Point negate() {
    return isInfinity() ? this : new G2Point(x, y.neg(), z);
  }

  G2Point twice() {
    if (isInfinity()) {
      return this;
    }
    Fp2 a = x.sqr();
    Fp2 b = y.sqr();
    Fp2 c = b.sqr();
    Fp2 d = x.add(b).sqr().sub(a).sub(c).dbl();
    Fp2 e = a.dbl().add(a);
    Fp2 f = e.sqr();
    Fp2 x3 = f.sub(d.dbl());
    Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
    Fp2 z3 = y.mul(z).dbl();
    return new G2Point(x3, y3, z3);
  }

  public G2Point add(G2Point o) {
    if (isInfinity()) {
      return o;
    }
    if (o.isInfinity()) {
      return this;
    }
    Fp2 z1z1 = z.sqr();
    Fp2 z2z2 = o.z.sqr();
    Fp2 u1 = x.mul(z2z2);
    Fp2 u2 = o.x.mul(z1z1);
    Fp2 s1 = y.mul(o.z).mul(z2z2);
    Fp2 s2 = o.y.mul(z).mul(z1z1);
    Fp2 h = u2.sub(u1);
    Fp2 r = s2.sub(s1).dbl();
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fp2 i = h.dbl().sqr();
    Fp2 j = h.mul(i);
    Fp2 v = u1.mul(i);
    Fp2 x3 = r.sqr().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
    Fp2 z3 = z.add(o.z).sqr().sub(z1z1).sub(z2z2).mul(h);
    return new G2Point(x3, y3, z3);
  }

  /**
   * this + q for an affine q (Z = 1, as every decoded key is): mixed Jacobian-affine addition
   * (madd-2007-bl), 7M + 4S instead of the 11M + 5S of {@link #add}. Summing the keys of a
   * 100-signer aggregate is 100 of these.
   */
  G2Point addAffine(G2Point q) {
    if (q.isInfinity()) {
      return this;
    }
    if (isInfinity()) {
      return q;
    }
    Fp2 z1z1 = z.sqr();
    Fp2 u2 = q.x.mul(z1z1);
    Fp2 s2 = q.y.mul(z).mul(z1z1);
    Fp2 h = u2.sub(x);
    Fp2 r = s2.sub(y).dbl();
    if (h.isZero()) {
      return r.isZero() ? twice() : INFINITY;
    }
    Fp2 hh = h.sqr();
    Fp2 i = hh.dbl().dbl();
    Fp2 j = h.mul(i);
    Fp2 v = x.mul(i);
    Fp2 x3 = r.sqr().sub(j).sub(v.dbl());
    Fp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
    Fp2 z3 = z.add(h).sqr().sub(z1z1).sub(hh);
    return new G2Point(x3, y3, z3);
  }

  /**
   * The sum of affine points (Z = 1, no infinity) by a tree of affine additions whose slopes share
   * one field inversion per level (Montgomery's trick): about 5M + 1S per addition instead of the
   * 7M + 4S of mixed addition, and the sum comes out affine. A pair with equal x (a doubling or a
   * cancellation) is added the general way. The keys of a 100-signer aggregate take seven levels.
   */
  static G2Point sumOfAffine(List<G2Point> points) {
    List<G2Point> level = new ArrayList<>(points);
    while (level.size() > 1) {
      int pairs = level.size() / 2;
      Fp2[] dx = new Fp2[pairs];
      Fp2[] prefix = new Fp2[pairs];
      Fp2 acc = Fp2.ONE;
      for (int i = 0; i < pairs; i++) {
        dx[i] = level.get(2 * i + 1).x.sub(level.get(2 * i).x);
        prefix[i] = acc;
        if (!dx[i].isZero()) {
          acc = acc.mul(dx[i]);
        }
      }
      Fp2 inv = acc.inverse();
      G2Point[] next = new G2Point[pairs + (level.size() & 1)];
      for (int i = pairs - 1; i >= 0; i--) {
        G2Point p = level.get(2 * i);
        G2Point q = level.get(2 * i + 1);
        if (dx[i].isZero()) {
          next[i] = p.add(q).normalize(); // equal x: a doubling or the point at infinity
          continue;
        }
        Fp2 dxInv = inv.mul(prefix[i]);
        inv = inv.mul(dx[i]);
        Fp2 slope = q.y.sub(p.y).mul(dxInv);
        Fp2 x3 = slope.sqr().sub(p.x).sub(q.x);
        Fp2 y3 = slope.mul(p.x.sub(x3)).sub(p.y);
        next[i] = new G2Point(x3, y3, Fp2.ONE);
      }
      if ((level.size() & 1) == 1) {
        next[pairs] = level.get(level.size() - 1);
      }
      level = new ArrayList<>(Arrays.asList(next));
      if (level.stream().anyMatch(G2Point::isInfinity)) {
        // a cancellation left infinity, which has no affine x: finish the general way
        G2Point sum = INFINITY;
        for (G2Point p : level) {
          sum = sum.add(p);
        }
        return sum.normalize();
      }
    }
    return level.isEmpty() ? INFINITY : level.get(0);
  }

  boolean isAffine() {
    return z.equals(Fp2.ONE);
  }

  /** {@code k * this} for any integer k (not reduced modulo r; negative k negates). */
  public G2Point multiply(BigInteger k) {
    if (k.signum() < 0) {
      return negate().multiply(k.negate());
    }
    int[] naf = Naf.of(k);
    G2Point neg = negate();
    G2Point acc = INFINITY;
    for (int i = naf.length - 1; i >= 0; i--) {
      acc = acc.twice();
      if (naf[i] > 0) {
        acc = acc.add(this);
      } else if (naf[i] < 0) {
        acc = acc.add(neg);
      }
    }
    return acc;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof G2Point other)) {
      return false;
    }
    if (isInfinity() || other.isInfinity()) {
      return isInfinity() && other.isInfinity();
    }
    Fp2 z1z1 = z.sqr();
    Fp2 z2z2 = other.z.sqr();
    return x.mul(z2z2).equals(other.x.mul(z1z1))
        && y.mul(z2z2).mul(other.z).equals(other.y.mul(z1z1).mul(z));
  }

  @Override
  public int hashCode() {
    return isInfinity() ? 0 : normalize().x.hashCode();
  }

  @Override
  public String toString() {
    if (isInfinity()) {
      return "G2(infinity)";
    }
    BigInteger[] w = toUint256Array();
    return "G2(" + w[0] + " + " + w[1] + "u, " + w[2] + " + " + w[3] + "u)";
  }
}
