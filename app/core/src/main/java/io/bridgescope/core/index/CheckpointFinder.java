package io.bridgescope.core.index;

import io.bridgescope.core.abi.Abi;
import io.bridgescope.core.bridge.BridgeAbi;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * Finds the root blocks holding successful CheckpointManager submissions. The contract emits no
 * event (protocol.md), but {@code currentCheckpointBlockNumber} strictly increases with every
 * accepted submit, so bisecting its history over a range finds each block that changed it with
 * O(changes · log range) historical eth_calls instead of fetching every block.
 */
final class CheckpointFinder implements SubmissionFinder {

  static final String METHOD = "storage bisection (archive node)";

  private static final byte[] VIEW = Abi.call("currentCheckpointBlockNumber()");

  private final ChainReader reader;
  private final Address checkpointManager;

  CheckpointFinder(ChainReader reader, Address checkpointManager) {
    this.reader = reader;
    this.checkpointManager = checkpointManager;
  }

  @Override
  public String method() {
    return METHOD;
  }

  /**
   * Blocks in [from, to] where an accepted submission changed the contract's storage. Only for an
   * archive node: without the state of old blocks this method cannot work and says so. It misses
   * rejected submissions in blocks without an accepted one (ADR 0002, 0011).
   */
  @Override
  public java.util.SortedSet<Long> blocks(long from, long to) {
    try {
      return new java.util.TreeSet<>(changedBlocks(from, valueAt(from - 1), to));
    } catch (io.bridgescope.core.chain.MissingStateException e) {
      throw new Unavailable(
          "the root node keeps no historical state, so storage bisection needs an archive node ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * Blocks in [from, to] in which the last checkpoint block changed, ascending; {@code before} is
   * its value at {@code from - 1}.
   */
  List<Long> changedBlocks(long from, BigInteger before, long to) {
    List<Long> out = new ArrayList<>();
    BigInteger after = valueAt(to);
    bisect(from - 1, before, to, after, out);
    return out;
  }

  private void bisect(long lo, BigInteger vlo, long hi, BigInteger vhi, List<Long> out) {
    if (vlo.equals(vhi)) {
      return;
    }
    if (hi == lo + 1) {
      out.add(hi);
      return;
    }
    long mid = lo + (hi - lo) / 2;
    BigInteger vmid = valueAt(mid);
    bisect(lo, vlo, mid, vmid, out);
    bisect(mid, vmid, hi, vhi, out);
  }

  /**
   * {@code currentCheckpointBlockNumber} as of {@code block}. Zero only where the contract has no
   * code yet at that block; any error is thrown by kind (a node without the block's state throws
   * {@link io.bridgescope.core.chain.MissingStateException}), because reading an error as zero
   * would silently skip every checkpoint before it.
   */
  BigInteger valueAt(long block) {
    if (block < 0) {
      return BigInteger.ZERO;
    }
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    return reader.read(
        "currentCheckpointBlockNumber at " + block,
        c -> {
          byte[] r;
          try {
            r = c.call(null, checkpointManager, VIEW, at);
          } catch (ChainException e) {
            if (e.kind() != RpcErrorKind.REVERT) {
              throw e;
            }
            throw ChainException.revert(
                "the CheckpointManager "
                    + checkpointManager
                    + " reverted currentCheckpointBlockNumber() at root block "
                    + block
                    + " ("
                    + e.revertReason()
                    + "); a CheckpointManager never does: check checkpointManager in the"
                    + " network profile",
                e.revertReason());
          }
          if (r.length == 0) {
            if (c.code(checkpointManager, block).length == 0) {
              return BigInteger.ZERO; // not deployed yet at that block
            }
            throw ChainException.badReply(
                c.label()
                    + " node "
                    + c.url()
                    + " answered currentCheckpointBlockNumber() at block "
                    + block
                    + " with no data although the contract has code",
                null);
          }
          return new BigInteger(1, r);
        });
  }

  static byte[] submitSelector() {
    return Abi.selector(BridgeAbi.SUBMIT);
  }
}
