package io.bridgescope.core.index;

import io.bridgescope.core.network.ChainRole;
import io.bridgescope.core.store.WriteOp;
import java.util.List;
import java.util.Set;

/** What one chain contributes to the index: rows for a block range, read but not yet written. */
interface EventSource {

  ChainRole chain();

  /** Reads blocks [from, to]; {@code headers} has at least every block in {@link Read#blocks}. */
  Read read(long from, long to);

  /** Rows of a range, with the blocks whose header (time, hash) they need. */
  interface Read {
    Set<Long> blocks();

    /** Builds the writes once the headers are known; checks logs belong to those headers. */
    List<WriteOp> ops(Headers headers);

    int events();
  }
}
