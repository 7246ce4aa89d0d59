package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/** A root {@code StateSynced} event: a deposit or message sent to the child chain. */
public record StateSyncRow(
    BigInteger id,
    Address sender,
    Address receiver,
    Bytes data,
    PayloadKind kind,
    Optional<Erc20Transfer> deposit,
    EventRef event) {

  public StateSyncRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(event, "event");
    if (kind == PayloadKind.WITHDRAWAL) {
      throw new IllegalArgumentException("state sync " + id + ": a withdrawal goes child to root");
    }
    if ((kind == PayloadKind.DEPOSIT) != deposit.isPresent()) {
      throw new IllegalArgumentException(
          "state sync " + id + ": decoded deposit fields go with kind DEPOSIT only");
    }
  }
}
