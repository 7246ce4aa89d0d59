package io.bridgescope.core.wallet;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.network.NetworkProfile;
import io.bridgescope.core.store.rows.Bytes;
import io.bridgescope.core.store.rows.TxPurpose;
import io.bridgescope.core.wallet.WalletException.Kind;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The generic half of a preflight: simulate the call ({@code eth_call} from the sender), estimate
 * gas with a margin, read fees, pick the nonce and check the sender can pay. Each passed check is
 * added, in words, to the caller's list for the review.
 */
final class TxPlanner {

  /** Gas limit = estimate × 1.25 + 10,000: estimates miss a little when state moves. */
  static long withMargin(long estimate) {
    return estimate + estimate / 4 + 10_000;
  }

  private final NetworkProfile profile;
  private final Map<ChainRole, WalletRpc> rpc = new EnumMap<>(ChainRole.class);
  private final TxJournal journal;

  TxPlanner(NetworkProfile profile, ChainClient root, ChainClient child, TxJournal journal) {
    this.profile = profile;
    rpc.put(ChainRole.ROOT, new WalletRpc(root));
    rpc.put(ChainRole.CHILD, new WalletRpc(child));
    this.journal = journal;
  }

  ChainClient client(ChainRole chain) {
    return rpcOf(chain).client();
  }

  /**
   * A call the bridge contract makes to a receiver and whose failure it swallows (ExitHelper and
   * StateReceiver catch it and only report {@code success = false}). {@code eth_estimateGas} then
   * finds the gas of the failing path, so such calls are estimated on their own and added.
   */
  record InnerCall(Address from, Address to, byte[] data, String what) {}

  UnsignedTx plan(
      ChainRole chain,
      Address from,
      Address to,
      byte[] data,
      TxPurpose purpose,
      Optional<BigInteger> relatedId,
      String summary,
      List<String> checks) {
    return plan(chain, from, to, data, purpose, relatedId, summary, checks, List.of());
  }

  /**
   * The deposit step of a review: planned now, or, when earlier steps (an approval, a mapping) must
   * be mined first, deferred until they are.
   */
  Step depositStep(
      ChainRole chain,
      Address from,
      Address predicate,
      byte[] data,
      DecodedCall call,
      String summary,
      List<String> checks,
      boolean afterEarlierSteps) {
    return afterEarlierSteps
        ? Step.deferred(chain, from, call, data, TxPurpose.DEPOSIT, summary)
        : Step.planned(
            call,
            plan(
                chain,
                from,
                predicate,
                data,
                TxPurpose.DEPOSIT,
                Optional.empty(),
                summary,
                checks));
  }

  /** A transaction that passed the simulation, gas estimate and funds check. */
  UnsignedTx plan(
      ChainRole chain,
      Address from,
      Address to,
      byte[] data,
      TxPurpose purpose,
      Optional<BigInteger> relatedId,
      String summary,
      List<String> checks,
      List<InnerCall> inner) {
    WalletRpc r = rpcOf(chain);
    long chainId = profile.chain(chain).chainId();
    long gas;
    try {
      long nodeChainId = r.client().chainId();
      if (nodeChainId != chainId) {
        throw new WalletException(
            Kind.CHAIN_ERROR,
            "the "
                + chain.key()
                + " node reports chain id "
                + nodeChainId
                + " but the network profile says "
                + chainId);
      }
      simulate(r.client(), from, to, data, summary);
      checks.add("simulation (eth_call) of " + summary + " succeeds");
      long outer = r.estimateGas(from, to, data, BigInteger.ZERO);
      long receivers = 0;
      for (InnerCall ic : inner) {
        try {
          receivers += r.estimateGas(ic.from(), ic.to(), ic.data(), BigInteger.ZERO);
        } catch (ChainException e) {
          if (e.kind() != RpcErrorKind.REVERT) {
            throw chainError(chain, e); // no answer is no revert
          }
          throw new WalletException(
              Kind.CALL_REVERTS,
              "simulating "
                  + ic.what()
                  + " reverts in the receiver "
                  + ic.to()
                  + ": "
                  + (e.revertReason() == null ? e.getMessage() : e.revertReason())
                  + "; the bridge would record it as failed. Nothing was signed",
              e);
        }
      }
      if (!inner.isEmpty()) {
        checks.add(
            "the receiver accepts "
                + (inner.size() == 1 ? inner.get(0).what() : inner.size() + " messages")
                + " (simulated)");
      }
      // the 64/63 covers the gas a CALL must keep back (EIP-150)
      gas = withMargin(outer + receivers + receivers / 63);
    } catch (ChainException e) {
      if (e.kind() == RpcErrorKind.REVERT) {
        throw reverts(chain, summary, from, e.revertReason(), e);
      }
      throw chainError(chain, e);
    }
    UnsignedTx tx =
        new UnsignedTx(
            chain,
            chainId,
            from,
            nonce(chain, from),
            to,
            Bytes.of(data),
            BigInteger.ZERO,
            gas,
            fees(chain),
            purpose,
            relatedId,
            summary);
    checkFunds(tx);
    checks.add(
        "gas limit "
            + gas
            + " at up to "
            + Amounts.gwei(tx.fees().maxFeePerGas())
            + ": at most "
            + Amounts.ether(tx.maxFee())
            + " "
            + nativeSymbol(chain)
            + " in fees, which "
            + from
            + " can pay");
    return tx;
  }

  /** The next nonce: the node's pending count, or past our own unfinished entries if higher. */
  long nonce(ChainRole chain, Address from) {
    long pending;
    try {
      pending = rpcOf(chain).pendingNonce(from);
    } catch (ChainException e) {
      throw chainError(chain, e);
    }
    long journaled = journal.maxUnfinishedNonce(chain, from).orElse(-1) + 1;
    return Math.max(pending, journaled);
  }

  Fees fees(ChainRole chain) {
    try {
      return rpcOf(chain).fees();
    } catch (ChainException e) {
      throw chainError(chain, e);
    }
  }

  void checkFunds(UnsignedTx tx) {
    BigInteger balance;
    try {
      balance = rpcOf(tx.chain()).balance(tx.from());
    } catch (ChainException e) {
      throw chainError(tx.chain(), e);
    }
    if (balance.compareTo(tx.maxCost()) < 0) {
      throw new WalletException(
          Kind.INSUFFICIENT_FUNDS,
          tx.from()
              + " has "
              + Amounts.ether(balance)
              + " "
              + nativeSymbol(tx.chain())
              + " on the "
              + tx.chain().key()
              + " chain, but "
              + tx.summary()
              + " may cost up to "
              + Amounts.ether(tx.maxCost())
              + " (gas limit "
              + tx.gasLimit()
              + " × "
              + Amounts.gwei(tx.fees().maxFeePerGas())
              + "). Fund the account with the "
              + tx.chain().key()
              + " chain's native token and try again; nothing was signed");
    }
  }

  static String nativeSymbol(ChainRole chain) {
    return chain == ChainRole.ROOT ? "ETH" : "native token";
  }

  private static void simulate(ChainClient c, Address from, Address to, byte[] data, String what) {
    c.call(from, to, data, DefaultBlockParameterName.LATEST);
  }

  static WalletException reverts(
      ChainRole chain,
      String summary,
      Address from,
      @Nullable String reason,
      @Nullable Throwable cause) {
    return new WalletException(
        Kind.CALL_REVERTS,
        "simulating "
            + summary
            + " from "
            + from
            + " on the "
            + chain.key()
            + " chain reverts: "
            + reason
            + "; nothing was signed",
        cause);
  }

  static WalletException chainError(ChainRole chain, ChainException e) {
    return new WalletException(
        Kind.CHAIN_ERROR,
        "could not prepare the transaction: " + e.getMessage() + "; nothing was signed",
        e);
  }

  /** Both chains' RPC are set in the constructor. */
  private WalletRpc rpcOf(ChainRole chain) {
    return Objects.requireNonNull(rpc.get(chain), chain.key());
  }
}
