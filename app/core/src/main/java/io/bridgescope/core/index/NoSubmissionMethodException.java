package io.bridgescope.core.index;

import java.util.List;
import java.util.stream.Collectors;

/**
 * No method to find checkpoint submissions works with this profile: the message names each one, why
 * it failed, and what to configure. The root indexer stops at this point (nothing is skipped) and
 * {@code status} exits non-zero with the same words.
 */
public final class NoSubmissionMethodException extends RuntimeException {

  private final List<SubmissionDiscovery.Attempt> attempts;

  public NoSubmissionMethodException(List<SubmissionDiscovery.Attempt> attempts) {
    super(message(attempts));
    this.attempts = List.copyOf(attempts);
  }

  public List<SubmissionDiscovery.Attempt> attempts() {
    return attempts;
  }

  /** The words for status: each method's problem, then what would fix it. */
  public static String message(List<SubmissionDiscovery.Attempt> attempts) {
    return "no way to find checkpoint submissions on the root chain ("
        + attempts.stream()
            .map(a -> a.method() + ": " + a.problem().orElse("works"))
            .collect(Collectors.joining("; "))
        + "); configure one of: a root RPC node with the Otterscan API (Erigon, Reth, anvil),"
        + " root.explorerApiUrl in the network profile (Etherscan or Blockscout API, key in "
        + ExplorerFinder.KEY_ENV
        + "), or a root archive node";
  }
}
