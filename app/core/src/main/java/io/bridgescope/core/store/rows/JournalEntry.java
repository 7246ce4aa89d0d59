package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.network.ChainRole;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A transaction the wallet signed. {@code rawTx} is the signed encoding (no secret: it is public
 * once sent) kept to rebroadcast after a crash; {@code relatedId} is the exit or deposit id.
 */
public record JournalEntry(
    long id,
    ChainRole chain,
    Address from,
    long nonce,
    Bytes rawTx,
    Hash32 txHash,
    TxPurpose purpose,
    Optional<BigInteger> relatedId,
    TxState state,
    OptionalLong blockNumber,
    Optional<String> error,
    Instant createdAt,
    Instant updatedAt) {

  public JournalEntry {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(rawTx, "rawTx");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(relatedId, "relatedId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(blockNumber, "blockNumber");
    Objects.requireNonNull(error, "error");
  }
}
