package io.bridgescope.devnet;

import java.util.List;

/**
 * A snapshot of the devnet for the status table: heads, and deposits and exits at each lifecycle
 * step, as the simulator's own bookkeeping and the chains' views say.
 */
public record DevnetStatus(
    long rootHead,
    long childHead,
    long syncsSent,
    long syncsCommitted,
    long syncsExecuted,
    long exitsSent,
    long exitsCheckpointed,
    long exitsExited,
    long commitments,
    long checkpoints,
    long lastCommitGas,
    long lastCheckpointGas,
    List<String> rejections,
    String health) {

  public static String header() {
    return String.format(
        "%6s %6s | %7s %9s %8s | %6s %12s %6s | %5s %5s | %s",
        "root#",
        "child#",
        "synced",
        "committed",
        "executed",
        "exits",
        "checkpointed",
        "exited",
        "cmts",
        "ckpts",
        "health");
  }

  public String row() {
    return String.format(
        "%6d %6d | %7d %9d %8d | %6d %12d %6d | %5d %5d | %s",
        rootHead,
        childHead,
        syncsSent,
        syncsCommitted,
        syncsExecuted,
        exitsSent,
        exitsCheckpointed,
        exitsExited,
        commitments,
        checkpoints,
        health);
  }
}
