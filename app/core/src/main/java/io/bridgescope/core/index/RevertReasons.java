package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.RevertReason;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.model.Hex;
import io.bridgescope.core.store.rows.SubmissionRevert;
import java.math.BigInteger;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * Why a submission failed on chain: {@code ots_getTransactionError} where the node offers it (the
 * revert data of the real execution), else the call replayed with {@code eth_call} on the state
 * before its block (right unless an earlier transaction of the same block changed what it depended
 * on), else {@link SubmissionRevert#UNAVAILABLE}. A node fault never becomes a reason.
 */
final class RevertReasons {

  private final ChainReader reader;
  private volatile boolean otterscan = true;

  RevertReasons(ChainReader reader) {
    this.reader = reader;
  }

  SubmissionRevert of(Hash32 tx, Address from, Address to, byte[] input, long block) {
    if (otterscan) {
      Object r =
          reader.read(
              "ots_getTransactionError " + tx,
              c -> {
                try {
                  return c.rpc("ots_getTransactionError", List.of(tx.toString()));
                } catch (ChainException e) {
                  if (e.kind() == RpcErrorKind.OTHER_RPC_ERROR
                      || e.kind() == RpcErrorKind.MISSING_STATE) {
                    return e; // no such method, or it needs state this node dropped
                  }
                  throw e;
                }
              });
      if (r instanceof String data && data.startsWith("0x")) {
        String reason = decode(data);
        return new SubmissionRevert(tx, reason, "otterscan", block);
      }
      if (r instanceof ChainException e && e.kind() == RpcErrorKind.OTHER_RPC_ERROR) {
        otterscan = false; // the node has no Otterscan API: do not ask for every submission
      }
    }
    try {
      reader.read(
          "replay of " + tx,
          c ->
              c.call(
                  from,
                  to,
                  input,
                  DefaultBlockParameter.valueOf(BigInteger.valueOf(Math.max(0, block - 1)))));
      // The replay passed: the state inside the block differed; the real reason is unknown.
    } catch (ChainException e) {
      if (e.kind() == RpcErrorKind.REVERT) {
        return new SubmissionRevert(
            tx, e.revertReason() == null ? "reverted" : e.revertReason(), "replay", block);
      }
      if (e.kind() != RpcErrorKind.MISSING_STATE && e.kind() != RpcErrorKind.OTHER_RPC_ERROR) {
        throw e; // transport and the like: the step is retried, not recorded as unknown
      }
    }
    return new SubmissionRevert(tx, SubmissionRevert.UNAVAILABLE, "none", block);
  }

  private static String decode(String hex) {
    try {
      String r = RevertReason.decode(Hex.decode("ots_getTransactionError result", hex));
      return r == null ? "reverted without a reason" : r;
    } catch (IllegalArgumentException e) {
      return "reverted (undecodable revert data " + hex + ")";
    }
  }
}
