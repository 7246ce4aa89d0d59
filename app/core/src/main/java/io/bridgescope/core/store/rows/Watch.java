package io.bridgescope.core.store.rows;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A watch-list entry. {@code value} is an address (20 bytes), a deposit or exit id (uint256, 32
 * bytes big-endian) or a transaction hash (32 bytes), by {@code kind}.
 */
public record Watch(
    long id, WatchKind kind, Bytes value, Optional<String> label, Instant createdAt) {

  public Watch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
