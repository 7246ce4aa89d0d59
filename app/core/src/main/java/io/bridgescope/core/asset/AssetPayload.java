package io.bridgescope.core.asset;

import io.bridgescope.core.model.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a bridge message's data means, decoded with the predicate that sent or receives it
 * (docs/protocol.md, Every asset kind). The raw bytes always stay with the message row; an {@link
 * Unknown} keeps them meaningful ("unknown payload") instead of dropping the message.
 */
public sealed interface AssetPayload {

  AssetKind kind();

  /** A deposit or withdrawal, single or batch. {@code token} is the token on its native chain. */
  record Transfer(
      AssetPredicate predicate,
      AssetAction action,
      Address token,
      Address from,
      List<AssetItem> items)
      implements AssetPayload {

    public Transfer {
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(from, "from");
      items = List.copyOf(items);
      if (action == AssetAction.MAP_TOKEN) {
        throw new IllegalArgumentException("a token mapping is not a transfer");
      }
      if (!action.isBatch() && items.size() != 1) {
        throw new IllegalArgumentException(
            action.key() + " moves exactly one item, not " + items.size());
      }
    }

    @Override
    public AssetKind kind() {
      return predicate.kind();
    }
  }

  /**
   * A MAP_TOKEN: the native side tells the other side to create the mirror token. ERC-20 carries
   * name, symbol and decimals; ERC-721 name and symbol; ERC-1155 only a URI.
   */
  record Mapping(
      AssetPredicate predicate,
      Address token,
      Optional<String> name,
      Optional<String> symbol,
      OptionalInt decimals,
      Optional<String> uri)
      implements AssetPayload {

    public Mapping {
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(decimals, "decimals");
      Objects.requireNonNull(uri, "uri");
    }

    @Override
    public AssetKind kind() {
      return predicate.kind();
    }
  }

  /**
   * Not a payload a known predicate produces: a message to or from another contract, or bytes a
   * predicate would not send. {@code predicate} is set when the address is a predicate's; {@code
   * reason} says in words why the bytes were not decoded.
   */
  record Unknown(Optional<AssetPredicate> predicate, String reason) implements AssetPayload {

    public Unknown {
      Objects.requireNonNull(predicate, "predicate");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public AssetKind kind() {
      return AssetKind.UNKNOWN;
    }
  }
}
