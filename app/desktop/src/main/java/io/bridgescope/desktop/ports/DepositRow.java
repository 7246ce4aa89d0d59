package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/**
 * A deposit (root -> child state sync) as the Deposits table lists it.
 *
 * @param status lifecycle step in user words: Sent, Committed, Executed, Failed
 * @param sender who deposited (the payload's depositor), else the sending contract
 * @param receiver who receives (the payload's first receiver), else the receiving contract
 * @param blockNumber the root block of its StateSynced event
 * @param blockTime that block's time, unix seconds
 * @param asset what it moves, with the token's decimals and symbol
 */
public record DepositRow(
    BigInteger stateSyncId,
    String status,
    Address sender,
    Address receiver,
    Hash32 txHash,
    long blockNumber,
    long blockTime,
    AssetCells asset) {

  /** The amount for people ("12.345678 BUSD", "BNFT #3"). */
  public String amount() {
    return asset.amount();
  }
}
