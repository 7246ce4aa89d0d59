package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction of a review. {@code tx} is empty when the step can only be simulated after the
 * previous one is mined (a deposit waiting for its approval); it is then planned, simulated and
 * signed right after that, within the same signing call.
 */
public record Step(
    ChainRole chain,
    Address from,
    DecodedCall call,
    Bytes data,
    TxPurpose purpose,
    Optional<BigInteger> relatedId,
    String summary,
    Optional<UnsignedTx> tx) {

  public Step {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(relatedId, "relatedId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(tx, "tx");
  }

  static Step planned(DecodedCall call, UnsignedTx tx) {
    return new Step(
        tx.chain(),
        tx.from(),
        call,
        tx.data(),
        tx.purpose(),
        tx.relatedId(),
        tx.summary(),
        Optional.of(tx));
  }

  /**
   * A step that can be planned and simulated only once the step before it is mined (a deposit
   * waiting for its approval or its token's mapping).
   */
  static Step deferred(
      ChainRole chain,
      Address from,
      DecodedCall call,
      byte[] data,
      TxPurpose purpose,
      String summary) {
    return new Step(
        chain, from, call, Bytes.of(data), purpose, Optional.empty(), summary, Optional.empty());
  }
}
