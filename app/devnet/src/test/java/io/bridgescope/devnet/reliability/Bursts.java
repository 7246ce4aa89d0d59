package io.bridgescope.devnet.reliability;

import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Quick bridge history for tests: many real {@code syncState} calls to the real StateSender or
 * L2StateSender, sent as JSON-RPC batches with automining off and then mined into a few blocks.
 */
final class Bursts {

  private static final long GAS = 100_000;

  private Bursts() {}

  /** Sends {@code n} syncState calls to {@code sender} from {@code from} and mines them. */
  static void syncStates(ChainClient c, Address sender, Address from, int n, int salt) {
    // Interval mining (the child) keeps its mode; automining (the root) is paused meanwhile.
    boolean automine = Boolean.TRUE.equals(c.rpc("anvil_getAutomine", List.of()));
    if (automine) {
      c.rpc("evm_setAutomine", List.of(false));
    }
    try {
      BigInteger nonce =
          c.web3()
              .ethGetTransactionCount(from.toString(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
      for (int done = 0; done < n; ) {
        BatchRequest batch = c.web3().newBatch();
        int k = Math.min(500, n - done);
        for (int i = 0; i < k; i++) {
          byte[] payload =
              BigInteger.valueOf(salt)
                  .shiftLeft(32)
                  .add(BigInteger.valueOf(done + i))
                  .toByteArray();
          byte[] data = BridgeAbi.syncState(from, payload);
          batch.add(
              c.web3()
                  .ethSendTransaction(
                      new Transaction(
                          from.toString(),
                          nonce.add(BigInteger.valueOf(done + i)),
                          null,
                          BigInteger.valueOf(GAS),
                          sender.toString(),
                          null,
                          Hex.encode(data))));
        }
        for (Response<?> r : batch.send().getResponses()) {
          if (r.hasError()) {
            throw new IllegalStateException(
                c.label() + " rejected a syncState: " + r.getError().getMessage());
          }
        }
        done += k;
      }
      mineAll(c);
    } catch (IOException e) {
      throw new IllegalStateException(c.label() + ": burst failed: " + e.getMessage(), e);
    } finally {
      if (automine) {
        c.rpc("evm_setAutomine", List.of(true));
      }
    }
  }

  /** Mines blocks until the pool is empty. */
  static void mineAll(ChainClient c) {
    for (int i = 0; i < 10_000; i++) {
      if (pending(c) == 0) {
        return;
      }
      c.rpc("evm_mine", List.of());
    }
    throw new IllegalStateException(c.label() + ": transactions still pending after mining");
  }

  private static long pending(ChainClient c) {
    Object r = c.rpc("txpool_status", List.of());
    Object p = r instanceof Map<?, ?> m ? m.get("pending") : null;
    return p == null ? 0 : Long.decode(p.toString());
  }
}
