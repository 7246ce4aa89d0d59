package io.bridgescope.core.asset;

import java.math.BigInteger;
import java.util.Objects;

/** A bridge message (state sync or exit, by {@code direction}) with its decoded payload. */
public record AssetMessage(Direction direction, BigInteger id, AssetPayload payload) {

  public AssetMessage {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payload, "payload");
  }
}
