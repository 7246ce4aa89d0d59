package io.bridgescope.core.store.rows;

import io.bridgescope.core.model.Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A child {@code L2StateSynced} event: a withdrawal or message to the root chain. {@code epoch} is
 * the epoch whose exit tree holds it (an exit in an epoch-ending block belongs to the next one,
 * docs/protocol.md).
 */
public record ExitRow(
    BigInteger id,
    Address sender,
    Address receiver,
    Bytes data,
    long epoch,
    PayloadKind kind,
    Optional<Erc20Transfer> withdrawal,
    EventRef event) {

  public ExitRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(event, "event");
    if (epoch < 0) {
      throw new IllegalArgumentException("exit " + id + ": epoch " + epoch + " is negative");
    }
    if (kind == PayloadKind.DEPOSIT || kind == PayloadKind.MAP_TOKEN) {
      throw new IllegalArgumentException("exit " + id + ": " + kind + " goes root to child");
    }
    if ((kind == PayloadKind.WITHDRAWAL) != withdrawal.isPresent()) {
      throw new IllegalArgumentException(
          "exit " + id + ": decoded withdrawal fields go with kind WITHDRAWAL only");
    }
  }
}
