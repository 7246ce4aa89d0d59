package io.bridgescope.core.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * Whether the bridge is moving: what waits per stage and which stages stalled. "ok" means no stage
 * stalled; it says nothing about the RPC endpoints (that is {@code status}'s other half).
 */
public record BridgeHealth(PendingByStage pending, List<Stall> stalls) {

  public BridgeHealth {
    Objects.requireNonNull(pending, "pending");
    stalls = List.copyOf(stalls);
  }

  public boolean ok() {
    return stalls.isEmpty();
  }

  /** "ok", or "stalled: " and the first stall's sentence (the others follow, separated by "; "). */
  public String headline() {
    if (ok()) {
      return "ok";
    }
    return "stalled: " + String.join("; ", stalls.stream().map(Stall::summary).toList());
  }
}
