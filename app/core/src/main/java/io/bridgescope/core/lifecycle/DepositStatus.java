package io.bridgescope.core.lifecycle;

import io.bridgescope.core.store.rows.CommitmentRow;
import io.bridgescope.core.store.rows.StateSyncRow;
import java.util.Objects;
import java.util.Optional;

/** A deposit (state sync) with its status and the commitment that holds it, if any. */
public record DepositStatus(
    StateSyncRow deposit, MessageStatus status, Optional<CommitmentRow> commitment) {

  public DepositStatus {
    Objects.requireNonNull(deposit, "deposit");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(commitment, "commitment");
  }

  public Stage stage() {
    return status.stage();
  }
}
