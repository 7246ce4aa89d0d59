package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Hash32;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A child {@code NewCommitment(startId, endId, root)} with its decoded {@code commit} input; the
 * signature is empty when the input could not be decoded.
 */
public record CommitmentRow(
    BigInteger startId,
    BigInteger endId,
    Hash32 root,
    Optional<CommitSignature> signature,
    EventRef event) {

  public CommitmentRow {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(event, "event");
    if (endId.compareTo(startId) < 0) {
      throw new IllegalArgumentException(
          "commitment: endId " + endId + " is below startId " + startId);
    }
  }

  public boolean covers(BigInteger id) {
    return id.compareTo(startId) >= 0 && id.compareTo(endId) <= 0;
  }
}
