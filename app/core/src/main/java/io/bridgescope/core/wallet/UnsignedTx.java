package io.bridgescope.core.wallet;

import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;

/**
 * Everything needed to sign a transaction without a node: what the air-gapped file carries and what
 * the review shows. {@code summary} is the human description (e.g. "exit 12: 5 TKN to 0x…").
 */
public record UnsignedTx(
    ChainRole chain,
    long chainId,
    Address from,
    long nonce,
    Address to,
    Bytes data,
    BigInteger value,
    long gasLimit,
    Fees fees,
    TxPurpose purpose,
    Optional<BigInteger> relatedId,
    String summary) {

  public UnsignedTx {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(relatedId, "relatedId");
    Objects.requireNonNull(summary, "summary");
    if (nonce < 0 || gasLimit <= 0 || value.signum() < 0) {
      throw new IllegalArgumentException("transaction: nonce, gas limit or value out of range");
    }
  }

  /** The most it can cost the sender in the native token: gas limit × max fee + value. */
  public BigInteger maxCost() {
    return maxFee().add(value);
  }

  /** The most its gas can cost. */
  public BigInteger maxFee() {
    return BigInteger.valueOf(gasLimit).multiply(fees.maxFeePerGas());
  }

  public UnsignedTx withNonce(long n) {
    return new UnsignedTx(
        chain, chainId, from, n, to, data, value, gasLimit, fees, purpose, relatedId, summary);
  }

  RawTransaction toRaw() {
    BigInteger n = BigInteger.valueOf(nonce);
    BigInteger gas = BigInteger.valueOf(gasLimit);
    String d = Hex.encode(data.value());
    return fees.eip1559()
        ? RawTransaction.createTransaction(
            chainId,
            n,
            gas,
            to.toString(),
            value,
            d,
            fees.maxPriorityFeePerGas(),
            fees.maxFeePerGas())
        : RawTransaction.createTransaction(n, fees.maxFeePerGas(), gas, to.toString(), value, d);
  }
}
