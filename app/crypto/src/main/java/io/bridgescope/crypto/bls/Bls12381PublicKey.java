package io.bridgescope.crypto.bls;

import supranational.blst.P1_Affine;

/** A bls12-381 public key decompressed and subgroup-checked once. */
final class Bls12381PublicKey implements BlsPublicKey {

  private final P1_Affine point;
  private final byte[] encoded;

  Bls12381PublicKey(P1_Affine point, byte[] encoded) {
    this.point = point;
    this.encoded = encoded.clone();
  }

  P1_Affine point() {
    return point;
  }

  @Override
  public String scheme() {
    return "bls12-381";
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }
}
