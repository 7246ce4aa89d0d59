package io.bridgescope.desktop.quorum;

/**
 * The aggregate BLS signature verdict, as the verifier states it. The panel only displays it; it
 * never decides on its own that a signature is valid.
 *
 * @param text the verifier's words, e.g. "aggregate signature valid for 3 signers"
 * @param scheme the scheme used, e.g. "BN254 (Edge)"; empty when not verified
 */
public record BlsVerdict(Status status, String text, String scheme) {

  public enum Status {
    NOT_VERIFIED,
    VERIFIED,
    FAILED
  }

  public static BlsVerdict notVerifiedYet() {
    return new BlsVerdict(Status.NOT_VERIFIED, "not verified yet", "");
  }
}
