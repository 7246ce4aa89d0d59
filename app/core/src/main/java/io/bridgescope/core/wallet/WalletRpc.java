package io.bridgescope.core.wallet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;

/**
 * The few JSON-RPC reads the wallet needs beyond {@link ChainClient}: pending nonce, gas estimate,
 * fees, whether a node knows a transaction. Failures are {@link ChainException}s naming the node.
 */
final class WalletRpc {

  /** Tip when the node does not answer {@code eth_maxPriorityFeePerGas}: 1 gwei. */
  static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

  private final ChainClient client;

  WalletRpc(ChainClient client) {
    this.client = client;
  }

  ChainClient client() {
    return client;
  }

  long pendingNonce(Address a) {
    return send(
            "eth_getTransactionCount",
            client.web3().ethGetTransactionCount(a.toString(), DefaultBlockParameterName.PENDING))
        .getTransactionCount()
        .longValueExact();
  }

  /** {@code eth_estimateGas}; a revert becomes a {@link ChainException} with the reason. */
  long estimateGas(Address from, Address to, byte[] data, BigInteger value) {
    Transaction tx =
        new Transaction(from.toString(), null, null, null, to.toString(), value, Hex.encode(data));
    EthEstimateGas r = client.request("eth_estimateGas", client.web3().ethEstimateGas(tx));
    return r.getAmountUsed().longValueExact();
  }

  /** EIP-1559 fees when the latest block has a base fee, else the legacy gas price. */
  Fees fees() {
    EthBlock.Block latest =
        send(
                "eth_getBlockByNumber",
                client.web3().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
            .getBlock();
    if (latest != null && latest.getBaseFeePerGasRaw() != null) {
      BigInteger base = latest.getBaseFeePerGas();
      BigInteger tip;
      try {
        tip =
            send("eth_maxPriorityFeePerGas", client.web3().ethMaxPriorityFeePerGas())
                .getMaxPriorityFeePerGas();
      } catch (ChainException e) {
        if (e.kind() != RpcErrorKind.OTHER_RPC_ERROR) {
          throw e; // the node did not answer: no made-up tip
        }
        tip = DEFAULT_TIP; // the node has no such method (older clients, Edge)
      }
      return new Fees(true, base.shiftLeft(1).add(tip), tip);
    }
    return Fees.legacy(send("eth_gasPrice", client.web3().ethGasPrice()).getGasPrice());
  }

  BigInteger balance(Address a) {
    return client.balance(a);
  }

  /** Whether the node has the transaction (pending or mined). */
  boolean knows(Hash32 tx) {
    Optional<?> t =
        send("eth_getTransactionByHash", client.web3().ethGetTransactionByHash(tx.toString()))
            .getTransaction();
    return t.isPresent();
  }

  private <T extends Response<?>> T send(String method, Request<?, T> request) {
    return client.request(method, request);
  }
}
