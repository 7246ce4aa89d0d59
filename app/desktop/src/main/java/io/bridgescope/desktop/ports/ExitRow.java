package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/**
 * A withdrawal (child -> root exit) as the Exits table lists it.
 *
 * @param status lifecycle step in user words: Sent, Checkpointed, Exited
 * @param sender who withdrew (the payload's withdrawer), else the sending contract
 * @param receiver who receives on the root (the payload's first receiver), else the contract
 * @param childBlock the child block of its L2StateSynced event
 * @param blockTime that block's time, unix seconds
 * @param asset what it moves, with the token's decimals and symbol
 */
public record ExitRow(
    BigInteger exitId,
    String status,
    Address sender,
    Address receiver,
    long childBlock,
    Hash32 txHash,
    long blockTime,
    AssetCells asset) {

  /** The amount for people ("12.345678 BUSD", "BNFT #3"). */
  public String amount() {
    return asset.amount();
  }
}
