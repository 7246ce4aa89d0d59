package io.bridgescope.core.verify;

import io.bridgescope.core.store.rows.VerdictStatus;
import java.util.EnumMap;
import java.util.Map;

/** What one verifier run decided: how many subjects ended in each status. */
public record VerifySummary(
    Map<VerdictStatus, Integer> commitments, Map<VerdictStatus, Integer> checkpoints) {

  public VerifySummary {
    commitments = Map.copyOf(commitments);
    checkpoints = Map.copyOf(checkpoints);
  }

  public int total() {
    return commitments.values().stream().mapToInt(Integer::intValue).sum()
        + checkpoints.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Subjects found wrong in any way (mismatch, bad signature, no quorum). */
  public int problems() {
    int n = 0;
    for (Map<VerdictStatus, Integer> m : java.util.List.of(commitments, checkpoints)) {
      for (var e : m.entrySet()) {
        if (e.getKey() != VerdictStatus.VERIFIED && e.getKey() != VerdictStatus.PENDING) {
          n += e.getValue();
        }
      }
    }
    return n;
  }

  static Map<VerdictStatus, Integer> emptyCounts() {
    Map<VerdictStatus, Integer> m = new EnumMap<>(VerdictStatus.class);
    for (VerdictStatus s : VerdictStatus.values()) {
      m.put(s, 0);
    }
    return m;
  }
}
