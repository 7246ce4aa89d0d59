package io.bridgescope.core.index;

import io.bridgescope.core.abi.AbiReader;
import io.bridgescope.core.asset.AssetItem;
import io.bridgescope.core.asset.AssetPayload;
import io.bridgescope.core.asset.AssetPredicate;
import io.bridgescope.core.asset.AssetPredicates;
import io.bridgescope.core.model.Address;
import io.bridgescope.core.model.Hash32;
import io.bridgescope.core.store.rows.Erc20Transfer;
import io.bridgescope.core.store.rows.PayloadKind;
import io.bridgescope.crypto.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the ERC-20 bridge payloads (docs/protocol.md, ERC-20 payloads); public because the signer
 * shows the transfer inside an exit or deposit it is about to sign.
 */
public final class Payloads {

  static final Hash32 DEPOSIT_SIG = tag("DEPOSIT");
  static final Hash32 WITHDRAW_SIG = tag("WITHDRAW");
  static final Hash32 MAP_TOKEN_SIG = tag("MAP_TOKEN");

  private Payloads() {}

  private static Hash32 tag(String s) {
    return new Hash32(Keccak.keccak256(s.getBytes(StandardCharsets.US_ASCII)));
  }

  /** What a message's data is, with the transfer fields when it is a deposit or withdrawal. */
  public record Decoded(PayloadKind kind, Optional<Erc20Transfer> transfer) {}

  /**
   * The ERC-20 view of a payload decoded with its predicate: only the root-native ERC-20
   * predicate's deposits and withdrawals are ERC-20 transfers. The same bytes at the ERC-721
   * predicate carry a token id, which this view must not show as an amount.
   */
  public static Decoded fromAsset(AssetPayload p, boolean towardsChild) {
    if (p instanceof AssetPayload.Transfer t
        && t.predicate() == AssetPredicate.CHILD_ERC20
        && !t.action().isBatch()) {
      AssetItem i = t.items().get(0);
      return new Decoded(
          towardsChild ? PayloadKind.DEPOSIT : PayloadKind.WITHDRAWAL,
          Optional.of(new Erc20Transfer(t.token(), t.from(), i.to(), i.amount())));
    }
    if (p instanceof AssetPayload.Mapping && towardsChild) {
      return new Decoded(PayloadKind.MAP_TOKEN, Optional.empty());
    }
    return new Decoded(PayloadKind.MESSAGE, Optional.empty());
  }

  /**
   * The ERC-20 reading of a message whose child-side address is {@code childSide} (the receiver of
   * a state sync, the sender of an exit): never an ERC-20 transfer when that address is one of
   * Edge's other predicates, whose payloads have the same bytes with a token id or another layout.
   */
  public static Decoded decodeFrom(Address childSide, byte[] data, boolean towardsChild) {
    Optional<AssetPredicate> p = AssetPredicates.edge().at(childSide);
    if (p.isPresent() && p.get() != AssetPredicate.CHILD_ERC20) {
      return new Decoded(PayloadKind.MESSAGE, Optional.empty());
    }
    return decode(data, towardsChild);
  }

  /** The ERC-20 reading of bytes alone, without knowing the predicate. */
  public static Decoded decode(byte[] data, boolean towardsChild) {
    if (data.length < 32) {
      return new Decoded(PayloadKind.MESSAGE, Optional.empty());
    }
    AbiReader r = new AbiReader(data);
    Hash32 sig = r.bytes32("payload.tag", 0);
    try {
      if (towardsChild && sig.equals(MAP_TOKEN_SIG)) {
        return new Decoded(PayloadKind.MAP_TOKEN, Optional.empty());
      }
      Hash32 expect = towardsChild ? DEPOSIT_SIG : WITHDRAW_SIG;
      if (sig.equals(expect) && data.length == 5 * 32) {
        Erc20Transfer t =
            new Erc20Transfer(
                r.address("payload.rootToken", 1),
                r.address("payload.from", 2),
                r.address("payload.to", 3),
                r.uint("payload.amount", 4));
        return new Decoded(
            towardsChild ? PayloadKind.DEPOSIT : PayloadKind.WITHDRAWAL, Optional.of(t));
      }
    } catch (IllegalArgumentException e) {
      // A tag with a malformed body is an arbitrary message, not a transfer we can show.
    }
    return new Decoded(PayloadKind.MESSAGE, Optional.empty());
  }
}
