package io.bridgescope.core.store.rows;

/**
 * How many bridge messages are in each lifecycle stage; the stages are exclusive. For deposits:
 * sent, committed, executed, failed. For exits: sent, checkpointed, exited, failed. {@code failed}
 * counts messages whose every execution so far failed (they may be retried).
 */
public record StatusCounts(long sent, long inTransit, long done, long failed) {

  public long total() {
    return sent + inTransit + done + failed;
  }
}
