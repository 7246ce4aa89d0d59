package io.bridgescope.core.index;

import java.util.SortedSet;

/**
 * One way to find the root blocks that hold transactions to the CheckpointManager (its {@code
 * submit} emits no event). A finder names candidate blocks only: the transactions, their receipts
 * and the block hashes always come from the root node, so a finder that names a wrong block costs
 * one block read and adds nothing.
 */
interface SubmissionFinder {

  /** The method's name for status and errors, e.g. "Otterscan API". */
  String method();

  /**
   * Root blocks in [from, to] that may hold a submission, ascending. Throws {@link
   * SubmissionFinder.Unavailable} when this method cannot work here (the node lacks the API, the
   * explorer refuses the key, the node has no history); RPC faults propagate as they are.
   */
  SortedSet<Long> blocks(long from, long to);

  /** This method cannot be used here: what is missing, and what to configure. */
  final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
