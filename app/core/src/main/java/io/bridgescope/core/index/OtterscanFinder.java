package io.bridgescope.core.index;

import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.chain.ChainReader;
import io.bridgescope.core.chain.Quantity;
import io.bridgescope.core.chain.RpcErrorKind;
import io.bridgescope.core.model.Address;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds submissions with the Otterscan API ({@code ots_searchTransactionsAfter}; anvil, Erigon and
 * Reth offer it), which lists the transactions touching an address from the node's own index, with
 * no historical state: it works on a pruned node.
 *
 * <p>{@code ots_searchTransactionsAfter(address, block, n)} returns the next {@code n} transactions
 * after {@code block} (newest first). A page may stop inside a block; the rest of that block is not
 * lost, because the caller reads each named block whole.
 */
final class OtterscanFinder implements SubmissionFinder {

  static final String METHOD = "Otterscan API (ots_searchTransactionsAfter)";
  private static final int PAGE = 200;

  private final ChainReader reader;
  private final Address manager;

  OtterscanFinder(ChainReader reader, Address manager) {
    this.reader = reader;
    this.manager = manager;
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public SortedSet<Long> blocks(long from, long to) {
    SortedSet<Long> out = new TreeSet<>();
    long cursor = Math.max(0, from - 1); // block 0 (genesis) holds no transactions
    while (cursor < to) {
      List<?> txs = page(cursor);
      long max = cursor;
      for (Object o : txs) {
        if (o instanceof Map<?, ?> tx
            && tx.containsKey("blockNumber")
            && tx.get("blockNumber") == null) {
          // A transaction still pending (a busy node lists it with a null block): it is mined in a
          // block above the head this range ends at, so a later range finds it.
          continue;
        }
        if (!(o instanceof Map<?, ?> tx) || !(tx.get("blockNumber") instanceof String bn)) {
          throw ChainException.badReply(
              reader.label() + " node sent an ots_searchTransactionsAfter entry without a block",
              null);
        }
        long b = Quantity.parse("ots tx blockNumber", bn);
        if (b <= cursor) {
          throw ChainException.badReply(
              reader.label()
                  + " node answered ots_searchTransactionsAfter("
                  + cursor
                  + ") with a transaction of block "
                  + b,
              null);
        }
        max = Math.max(max, b);
        if (b <= to && tx.get("to") instanceof String t && manager.toString().equalsIgnoreCase(t)) {
          out.add(b);
        }
      }
      if (txs.size() < PAGE) {
        break;
      }
      cursor = max;
    }
    return out;
  }

  /** One page after {@code cursor}; a node without the method makes this finder unavailable. */
  private List<?> page(long cursor) {
    Object r =
        reader.read(
            "ots_searchTransactionsAfter " + cursor,
            c -> {
              try {
                return c.rpc(
                    "ots_searchTransactionsAfter", List.of(manager.toString(), cursor, PAGE));
              } catch (ChainException e) {
                if (e.kind() == RpcErrorKind.OTHER_RPC_ERROR) {
                  // The node answered with an error object: it has no such method (or refuses it).
                  return new Refused(String.valueOf(e.getMessage()));
                }
                throw e;
              }
            });
    if (r instanceof Refused refused) {
      throw new Unavailable(
          "the root node does not offer the Otterscan API (" + refused.message + ")");
    }
    if (!(r instanceof Map<?, ?> m) || !(m.get("txs") instanceof List<?> txs)) {
      throw ChainException.badReply(
          reader.label() + " node answered ots_searchTransactionsAfter without a txs list", null);
    }
    return txs;
  }

  private record Refused(String message) {}
}
