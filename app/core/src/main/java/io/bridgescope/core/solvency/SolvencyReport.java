package io.bridgescope.core.solvency;

import java.util.List;
import java.util.Optional;

/**
 * Solvency of every bridged token as of one index state: the root escrow read at the root block the
 * index has reached, the child supply at the child block it has reached, and the in-flight amounts
 * from the index at exactly those blocks.
 *
 * @param unsettled why no verdict can be given at this index state (one chain's index is behind the
 *     other's in a way that would show a false difference), or empty
 */
public record SolvencyReport(
    long rootBlock, long childBlock, List<TokenSolvency> tokens, Optional<String> unsettled) {

  public SolvencyReport {
    tokens = List.copyOf(tokens);
  }

  /** True when a verdict is given and every token balances. */
  public boolean solvent() {
    return unsettled.isEmpty()
        && tokens.stream().allMatch(t -> t.status() == TokenSolvency.Status.BALANCED);
  }

  /** Tokens whose child side holds more than the escrow backs. */
  public List<TokenSolvency> deficits() {
    return unsettled.isPresent()
        ? List.of()
        : tokens.stream().filter(t -> t.status() == TokenSolvency.Status.DEFICIT).toList();
  }
}
