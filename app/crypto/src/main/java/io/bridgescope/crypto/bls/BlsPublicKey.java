package io.bridgescope.crypto.bls;

/**
 * A public key a {@link BlsScheme} holds in decoded form: one key decoded and checked once (length,
 * encoding, curve, subgroup, not the point at infinity) or an aggregate of such keys, so a verifier
 * that meets the same validator keys in many signatures pays for decoding, subgroup checks and
 * summing only once. Immutable and safe to share between threads; only the scheme that made it
 * accepts it.
 */
public interface BlsPublicKey {

  /** The name of the scheme that decoded it, as {@link BlsScheme#name()}. */
  String scheme();

  /** The encoding it was decoded from (an aggregate: the encoding of the sum). */
  byte[] encoded();
}
