package io.bridgescope.devnet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
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

  /**
   * Sends as {@code from}, a contract address the node impersonates for this one call: the solvency
   * fault knob mints as the child predicate, the only account a child token lets mint.
   */
  synchronized TransactionReceipt callAs(Address from, Address to, byte[] data, String what) {
    child.rpc("anvil_impersonateAccount", List.of(from.toString()));
    child.rpc(
        "anvil_setBalance", List.of(from.toString(), "0x" + BigInteger.TEN.pow(20).toString(16)));
    try {
      for (int attempt = 1; ; attempt++) {
        Hash32 tx = child.sendUnlocked(from, to, data, null, null);
        TransactionReceipt r;
        try {
          r = child.awaitReceiptOrDrop(tx, Duration.ofSeconds(30));
        } catch (ChainException e) {
          // A contract's nonce moves when it creates a clone: a predicate that maps a token in
          // the block before ours makes the node drop our transaction. Sent again, it gets the
          // new nonce.
          if (attempt < 3 && !known(tx)) {
            continue;
          }
          throw e;
        }
        if (!r.isStatusOK()) {
          throw new DevnetException(what + " failed on the child chain: " + tx);
        }
        return r;
      }
    } finally {
      child.rpc("anvil_stopImpersonatingAccount", List.of(from.toString()));
    }
  }

  private boolean known(Hash32 tx) {
    return child.rpc("eth_getTransactionByHash", List.of(tx.toString())) != null;
  }
}
