package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verifier's finding for one commitment or checkpoint, identified by the transaction that
 * carried it ({@code commit} on child, {@code submit} on root) at {@code blockNumber} of {@link
 * VerdictKind#chain()}. {@code evidenceJson} holds what a user needs to re-check the finding.
 */
public record VerdictRow(
    VerdictKind kind,
    Hash32 subjectTx,
    long blockNumber,
    VerdictStatus status,
    String reason,
    Optional<String> evidenceJson,
    Instant verifiedAt) {

  public VerdictRow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectTx, "subjectTx");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evidenceJson, "evidenceJson");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
  }
}
