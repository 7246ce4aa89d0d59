package io.bridgescope.core.verify;

/**
 * How a verifier run uses the machine. The defaults are the fast ones; the switches exist so a
 * benchmark can show what each part saves (the verdicts are the same either way).
 *
 * @param threads subjects are checked on this many threads at once (verdicts are still stored and
 *     announced in subject order)
 * @param cacheSetKeys decode and subgroup-check each validator key once per validator set, and keep
 *     the aggregate keys of recent signer groups, rather than decode and sum every signer's key for
 *     every signature
 * @param batchSignatures check the signatures of a batch of commitments together (one randomized
 *     multi-pairing), one by one only where that fails
 */
public record VerifyOptions(int threads, boolean cacheSetKeys, boolean batchSignatures) {

  public VerifyOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("verifier threads must be at least 1: " + threads);
    }
  }

  /** One thread per core, keys cached, signatures batched. */
  public static VerifyOptions defaults() {
    return new VerifyOptions(Runtime.getRuntime().availableProcessors(), true, true);
  }
}
