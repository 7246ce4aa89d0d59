package io.bridgescope.crypto.bn254;

import java.math.BigInteger;

/** Parameters of BN254 (alt_bn128), the curve of the EVM precompiles 0x06, 0x07 and 0x08. */
public final class Bn254 {

  /** The base field modulus p. */
  public static final BigInteger FIELD_MODULUS = Fp.P;

  /** The prime order r of G1, G2 and GT. */
  public static final BigInteger CURVE_ORDER =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** The BN parameter x (often called u) from which p, r and the pairing loop are derived. */
  public static final BigInteger X = new BigInteger("4965661367192848881");

  private Bn254() {}
}
