package io.bridgescope.desktop.ports;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;

/**
 * A deposit (root -> child state sync) as the Deposits table lists it.
 *
 * @param status lifecycle step in user words: Sent, Committed, Executed, Failed
 * @param amount token amount already scaled by its decimals, with the symbol ("12.5 TST")
 */
public record DepositRow(
    BigInteger stateSyncId,
    String status,
    Address sender,
    Address receiver,
    String amount,
    Hash32 txHash) {}
