package io.bridgescope.core.lifecycle;

import io.bridgescope.core.store.rows.ExecutionResultRow;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deposit's or exit's status in plain words: what happened, what it waits for and what to do.
 *
 * @param eta when the next step is expected, from the observed cadence; empty if unknown or done
 * @param overdue waiting far beyond the usual cadence (then {@code stage} is STUCK)
 * @param results every execution result so far, oldest first (failures may precede a success)
 */
public record MessageStatus(
    BigInteger id,
    Stage stage,
    String reason,
    String nextStep,
    Optional<Instant> eta,
    boolean overdue,
    List<ExecutionResultRow> results) {

  public MessageStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(nextStep, "nextStep");
    Objects.requireNonNull(eta, "eta");
    results = List.copyOf(results);
  }
}
