package io.bridgescope.desktop.ports;

import io.bridgescope.core.stats.BridgeActivity;
import io.bridgescope.core.stats.Latency;
import java.util.List;

/**
 * The Overview's charts: traffic per bucket and the wait for commitments and checkpoints.
 *
 * @param commitmentLatency StateSynced to the commitment covering it, per commitment
 * @param checkpointLatency exit to the checkpoint covering it, per checkpoint
 */
public record OverviewCharts(
    BridgeActivity activity, List<Latency> commitmentLatency, List<Latency> checkpointLatency) {

  public OverviewCharts {
    commitmentLatency = List.copyOf(commitmentLatency);
    checkpointLatency = List.copyOf(checkpointLatency);
  }
}
