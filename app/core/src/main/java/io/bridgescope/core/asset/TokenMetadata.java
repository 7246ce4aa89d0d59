package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a token contract said about itself, read once. A part it did not answer (reverted, no code,
 * a reply that is not the value) is empty and {@code problem} says why; a token without {@code
 * decimals} is shown in raw base units.
 */
public record TokenMetadata(
    ChainRole chain,
    Address token,
    Optional<String> name,
    Optional<String> symbol,
    OptionalInt decimals,
    Optional<String> problem) {

  public TokenMetadata {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(decimals, "decimals");
    Objects.requireNonNull(problem, "problem");
    if (decimals.isPresent() && (decimals.getAsInt() < 0 || decimals.getAsInt() > 255)) {
      throw new IllegalArgumentException("decimals " + decimals.getAsInt() + " is not a uint8");
    }
  }
}
