package io.bridgescope.core.report;

import io.bridgescope.core.chain.ChainClient;
import io.bridgescope.core.chain.ChainException;
import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.report.AuditReport.SolvencyPoint;
import io.bridgescope.core.solvency.Solvency;
import io.bridgescope.core.store.CursorDao;
import io.bridgescope.core.store.Database;
import io.bridgescope.core.store.rows.Cursor;
import java.util.Locale;

/**
 * Solvency at a child block read from the nodes: the root block of the same moment is the last root
 * block whose timestamp is not after the child block's (found by bisection over the root's indexed
 * blocks), and {@link Solvency#checkAt} reads escrow and supply at those two blocks. What cannot be
 * read (the root index is behind that moment, a node that pruned the state, an RPC error) is said
 * as such.
 */
public final class ChainSolvencySource implements AuditReports.SolvencySource {

  private final Database db;
  private final Solvency solvency;
  private final ChainClient root;
  private final ChainClient child;

  public ChainSolvencySource(Database db, Solvency solvency, ChainClient root, ChainClient child) {
    this.db = db;
    this.solvency = solvency;
    this.root = root;
    this.child = child;
  }

  @Override
  public SolvencyPoint at(long childBlock) {
    long rootHead =
        db.read(c -> new CursorDao(c).get(ChainRole.ROOT)).map(Cursor::lastBlock).orElse(-1L);
    if (rootHead < 0) {
      return SolvencyPoint.unavailable(
          childBlock, "the root chain is not indexed yet: run `./bridgescope index`");
    }
    try {
      long time = time(child, childBlock);
      long headTime = time(root, rootHead);
      if (headTime < time) {
        return SolvencyPoint.unavailable(
            childBlock,
            String.format(
                Locale.ROOT,
                "the root chain is indexed to block %d (time %d), before child block %d (time %d):"
                    + " index the root chain further",
                rootHead,
                headTime,
                childBlock,
                time));
      }
      long rootBlock = lastRootBlockAtOrBefore(time, rootHead);
      if (rootBlock < 0) {
        return SolvencyPoint.unavailable(
            childBlock,
            "the root chain has no block at or before child block " + childBlock + "'s time");
      }
      return SolvencyPoint.of(childBlock, solvency.checkAt(rootBlock, childBlock));
    } catch (ChainException e) {
      return SolvencyPoint.unavailable(
          childBlock, "could not be read from the nodes: " + e.getMessage());
    }
  }

  private long lastRootBlockAtOrBefore(long time, long head) {
    long lo = 0;
    long hi = head;
    long found = -1;
    while (lo <= hi) {
      long mid = lo + (hi - lo) / 2;
      if (time(root, mid) <= time) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static long time(ChainClient chain, long block) {
    return chain.block(block).getTimestamp().longValueExact();
  }
}
