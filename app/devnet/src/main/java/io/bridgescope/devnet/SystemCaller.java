package io.bridgescope.devnet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.time.Duration;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * System calls on the child (sender {@code 0xff…fe}, impersonated), one at a time: anvil numbers an
 * impersonated account's transactions as they arrive, so the committer and the checkpointer sending
 * at once would collide on a nonce.
 */
final class SystemCaller {

  private final ChainClient child;

  SystemCaller(ChainClient child) {
    this.child = child;
  }

  /** Sends and waits for inclusion; throws unless the call succeeded. */
  synchronized TransactionReceipt call(Address to, byte[] data, String what) {
    Hash32 tx = child.sendUnlocked(DevnetContracts.SYSTEM, to, data, null, null);
    TransactionReceipt r = child.awaitReceiptOrDrop(tx, Duration.ofSeconds(30));
    if (!r.isStatusOK()) {
      throw new DevnetException(what + " failed on the child chain: " + tx);
    }
    return r;
  }
}
