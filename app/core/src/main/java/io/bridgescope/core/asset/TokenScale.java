package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.TokenDao;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The decimals and symbol of root ERC-20 tokens, from the index only (no node): the token's cached
 * metadata (read from the contract by {@link TokenMetadataReader}), else its MAP_TOKEN message.
 * Unknown means the amount is shown raw, never scaled by a guessed 18. One instance remembers what
 * it looked up; it is not for sharing between threads.
 */
public final class TokenScale {

  private final Database db;
  private final Map<Address, Optional<TokenMetadata>> known = new HashMap<>();

  public TokenScale(Database db) {
    this.db = db;
  }

  public Optional<TokenMetadata> of(Address rootToken) {
    return known.computeIfAbsent(
        rootToken,
        t -> {
          Optional<TokenMetadata> m = db.read(c -> new TokenDao(c).metadata(ChainRole.ROOT, t));
          return m.isPresent() ? m : db.read(c -> new TokenDao(c).fromMapping(ChainRole.ROOT, t));
        });
  }

  public OptionalInt decimals(Address rootToken) {
    return of(rootToken).map(TokenMetadata::decimals).orElse(OptionalInt.empty());
  }

  /** {@code 12.345678 BUSD}, or {@code 12345678 (raw units)} while the decimals are unknown. */
  public String format(Address rootToken, BigInteger amount) {
    return TokenAmounts.format(amount, of(rootToken));
  }
}
